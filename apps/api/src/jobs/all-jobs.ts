/** Every module that defines jobs, so a worker process knows all queues. Add a line per module. */
import '../modules/analytics/rollup.jobs.js';
import '../modules/mail/mail.jobs.js';
import '../modules/import/import.jobs.js';
