// type-graphql's decorators need the metadata polyfill before any decorated class is evaluated;
// a test file's first import can reach one (entities, services) before anything else loads it.
import 'reflect-metadata';
