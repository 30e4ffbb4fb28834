import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import { Organisation } from '../organisation/organisation.types.js';
import { SignInInput, SignUpInput } from './auth.inputs.js';
import { AuthService } from './auth.service.js';
import { Viewer } from './auth.types.js';
import { writeSessionCookie } from './session-cookie.js';

@Resolver(() => Viewer)
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user, or null.' })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return ctx.viewer ? Viewer.from(ctx.viewer) : null;
  }

  @Mutation(() => Viewer, { description: 'Signs in and sets the httpOnly session cookie.' })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<Viewer> {
    const { token, viewer } = await new AuthService(ctx.dataSource).signIn(
      input,
      ctx.req.ip ?? 'unknown',
    );
    writeSessionCookie(ctx.req, ctx.res, token);
    ctx.viewer = viewer;
    return Viewer.from(viewer);
  }

  @Mutation(() => Viewer, { description: 'Registers a company and its first user, and signs in.' })
  async signUp(
    @Arg('input', () => SignUpInput) input: SignUpInput,
    @Ctx() ctx: Context,
  ): Promise<Viewer> {
    const { token, viewer } = await new AuthService(ctx.dataSource).signUp(input);
    writeSessionCookie(ctx.req, ctx.res, token);
    ctx.viewer = viewer;
    return Viewer.from(viewer);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes the current session.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await new AuthService(ctx.dataSource).signOut(requireViewer(ctx));
    writeSessionCookie(ctx.req, ctx.res, null);
    return true;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The company or network the user acts for.',
  })
  async organisation(@Root() v: Viewer, @Ctx() ctx: Context): Promise<Organisation | null> {
    if (!v.organisationId) return null;
    const org = await ctx.loaders.organisation.load(v.organisationId);
    return org ? Organisation.from(org) : null;
  }

  @FieldResolver(() => [String], { description: 'Keys of the programmes the user manages.' })
  async programmeKeys(@Root() v: Viewer, @Ctx() ctx: Context): Promise<string[]> {
    const programmes = await ctx.loaders.programme.loadMany([...v.programmeIds]);
    return programmes.flatMap((p) => (p && !(p instanceof Error) ? [p.key] : []));
  }
}
