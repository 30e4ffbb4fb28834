import {
  assertTransition,
  checkEligibility,
  DROP_OFF_REASONS,
  isValidKbo,
  normaliseKbo,
  type StageDefinition,
  TransitionError,
} from '@werkgezond/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { todayInBrussels } from '../../database/sql.js';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canActFor, canManage, type Viewer } from '../../graphql/policy.js';
import { CoachEntity } from '../coach/coach.entity.js';
import { assertCoachAvailable } from '../coach/coach-admin.service.js';
import { notifyCoachAssigned, notifyStageChange } from '../mail/application-mail.js';
import {
  NetworkMembershipEntity,
  OrganisationEntity,
} from '../organisation/organisation.entity.js';
import { OutreachChannelEntity } from '../outreach/outreach.entity.js';
import {
  EditionEntity,
  ProgrammeEntity,
  StageDefinitionEntity,
} from '../programme/programme.entity.js';
import { acceptsApplications, toDomainStage } from '../programme/programme.types.js';
import {
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationMemberEntity,
} from './application.entity.js';

export const REJECTION_REASONS = [
  'NOT_ELIGIBLE_SIZE',
  'HAS_PREVENTION_COMMITTEE',
  'INCOMPLETE',
  'OTHER',
] as const;

export interface DraftInput {
  applicationId?: string | null;
  programmeKey: string;
  organisationId: string;
  registrationType: 'INDIVIDUAL' | 'GROUP';
  channelKey?: string | null;
  memberOrganisationIds?: string[] | null;
  newMembers?: { kboNumber: string; name: string }[] | null;
  idempotencyKey?: string | null;
  /** A specific open call; by default the programme's open call of today. */
  editionId?: string | null;
}

export interface StageInput {
  applicationId: string;
  stage: string;
  expectedVersion: number;
  reasonCode?: string | null;
  reasonText?: string | null;
}

const actorOf = (v: Viewer) => `user:${v.userId}`;
const MAX_MEMBERS = 200;

/**
 * Every change to an application: drafts, submission, decisions, progress, exits. Each runs in
 * one transaction that first bumps the application's version only if the caller saw the
 * current one — so two managers acting at once cannot both win — then appends an event.
 */
export class ApplicationLifecycleService {
  constructor(private readonly ds: DataSource) {}

  /** Create or update a draft (no events yet). Idempotent on idempotencyKey. */
  async saveDraft(viewer: Viewer, input: DraftInput): Promise<ApplicationEntity> {
    return this.retryingDuplicateKey(viewer, input, () =>
      this.ds.transaction((em) => this.saveDraftIn(em, viewer, input)),
    );
  }

  /** Submit a draft: records the programme's first step. Submitting twice changes nothing. */
  async submit(viewer: Viewer, applicationId: string): Promise<ApplicationEntity> {
    return this.ds.transaction(async (em) => {
      const app = await this.visibleForActing(em, viewer, applicationId);
      if (app.stage1At) return app; // already submitted: a retry, not a second application
      return this.submitIn(em, viewer, app);
    });
  }

  /** Draft and submit in one step (the usual case); a retried call returns the same application. */
  async apply(viewer: Viewer, input: DraftInput): Promise<ApplicationEntity> {
    return this.retryingDuplicateKey(viewer, input, () =>
      this.ds.transaction(async (em) => {
        const app = await this.saveDraftIn(em, viewer, input);
        return app.stage1At ? app : this.submitIn(em, viewer, app);
      }),
    );
  }

  /**
   * Two concurrent calls with one idempotency key can both miss the lookup; the unique index
   * then fails the later one, which answers with the application the earlier one created.
   */
  private async retryingDuplicateKey(
    viewer: Viewer,
    input: DraftInput,
    run: () => Promise<ApplicationEntity>,
  ): Promise<ApplicationEntity> {
    try {
      return await run();
    } catch (error) {
      const driver = (error as { driverError?: { code?: string; constraint?: string } })
        .driverError;
      if (
        !input.idempotencyKey ||
        driver?.code !== '23505' ||
        driver.constraint !== 'uq_application_idempotency_key'
      ) {
        throw error;
      }
      const existing = await this.ds
        .getRepository(ApplicationEntity)
        .findOneBy({ idempotencyKey: input.idempotencyKey });
      if (!existing || !canActFor(viewer, existing.organisationId)) throw error;
      return existing;
    }
  }

  async withdraw(viewer: Viewer, input: Omit<StageInput, 'stage'>): Promise<ApplicationEntity> {
    if (!input.reasonCode || !(DROP_OFF_REASONS as readonly string[]).includes(input.reasonCode)) {
      throw badInput(`Choose a reason: ${DROP_OFF_REASONS.join(', ')}`, 'input.reasonCode');
    }
    return this.ds.transaction(async (em) => {
      const app = await this.visibleForActing(em, viewer, input.applicationId);
      return this.appendEvent(em, viewer, app, { ...input, stage: 'WITHDRAWN' });
    });
  }

  /** Manager actions: decide (APPROVED / REJECTED), STARTED, COMPLETED, DROPPED_OUT. */
  async recordStage(viewer: Viewer, input: StageInput): Promise<ApplicationEntity> {
    if (
      input.stage === 'REJECTED' &&
      !(REJECTION_REASONS as readonly string[]).includes(input.reasonCode ?? '')
    ) {
      throw badInput(
        `A rejection needs a reason: ${REJECTION_REASONS.join(', ')}`,
        'input.reasonCode',
      );
    }
    if (
      input.stage === 'DROPPED_OUT' &&
      !(DROP_OFF_REASONS as readonly string[]).includes(input.reasonCode ?? '')
    ) {
      throw badInput(
        `A drop-out needs a reason: ${DROP_OFF_REASONS.join(', ')}`,
        'input.reasonCode',
      );
    }
    return this.ds.transaction(async (em) => {
      const app = await this.managed(em, viewer, input.applicationId);
      return this.appendEvent(em, viewer, app, input);
    });
  }

  async assignCoach(
    viewer: Viewer,
    input: { applicationId: string; coachId: string; expectedVersion: number },
  ): Promise<ApplicationEntity> {
    return this.ds.transaction(async (em) => {
      const app = await this.managed(em, viewer, input.applicationId);
      const coach = await em.getRepository(CoachEntity).findOneBy({ id: input.coachId });
      if (!coach || coach.programmeId !== app.programmeId) {
        throw badInput('This coach does not work for this programme', 'input.coachId');
      }
      if (!app.stage2At) throw badInput('Assign a coach after approval', 'input.coachId');
      if (app.coachId !== coach.id) await assertCoachAvailable(em, coach.id, app.id);
      await this.bumpVersion(em, app, input.expectedVersion);
      await em.update(ApplicationEntity, { id: app.id }, { coachId: coach.id });
      await notifyCoachAssigned(em, app.id, coach.id);
      return em.getRepository(ApplicationEntity).findOneByOrFail({ id: app.id });
    });
  }

  /** The application if the viewer may act for its applicant; NOT_FOUND otherwise. */
  actingOn(em: EntityManager, viewer: Viewer, applicationId: string): Promise<ApplicationEntity> {
    return this.visibleForActing(em, viewer, applicationId);
  }

  /** Stage change by a participant that is not withdraw: the award dossier (PARTICIPATED). */
  async appendOwnStage(
    em: EntityManager,
    viewer: Viewer,
    applicationId: string,
    stage: string,
    expectedVersion: number,
  ): Promise<ApplicationEntity> {
    const app = await this.visibleForActing(em, viewer, applicationId);
    return this.appendEvent(em, viewer, app, { applicationId, stage, expectedVersion });
  }

  // --- internals ---------------------------------------------------------------------------

  private async saveDraftIn(
    em: EntityManager,
    viewer: Viewer,
    input: DraftInput,
  ): Promise<ApplicationEntity> {
    const repo = em.getRepository(ApplicationEntity);
    if (input.idempotencyKey) {
      if (!/^[\w-]{8,80}$/.test(input.idempotencyKey)) {
        throw badInput(
          'idempotencyKey must be 8–80 letters, digits, - or _',
          'input.idempotencyKey',
        );
      }
      const existing = await repo.findOneBy({ idempotencyKey: input.idempotencyKey });
      if (existing) {
        if (!canActFor(viewer, existing.organisationId))
          throw badInput('idempotencyKey already used', 'input.idempotencyKey');
        return existing;
      }
    }
    const programme = await em
      .getRepository(ProgrammeEntity)
      .findOneBy({ key: input.programmeKey });
    if (!programme)
      throw badInput(`Unknown programme "${input.programmeKey}"`, 'input.programmeKey');
    if (!canActFor(viewer, input.organisationId)) throw notFound('Organisation');
    // An admin may act for any organisation, including one that does not exist.
    const org = await em.getRepository(OrganisationEntity).findOneBy({ id: input.organisationId });
    if (!org) throw notFound('Organisation');
    if (input.registrationType === 'GROUP' && org.kind !== 'NETWORK') {
      throw badInput('Only a network can register a group', 'input.registrationType');
    }
    let channelId: string | null = null;
    if (input.channelKey) {
      const channel = await em
        .getRepository(OutreachChannelEntity)
        .findOneBy({ key: input.channelKey });
      if (!channel) throw badInput(`Unknown channel "${input.channelKey}"`, 'input.channelKey');
      channelId = channel.id;
    }
    // A company that signed up through a channel's tracked link: that channel is the first
    // touch, whatever the "how did you hear of us?" answer says.
    if (org.firstTouchChannelId) channelId = org.firstTouchChannelId;
    const memberIds =
      input.registrationType === 'GROUP' ? await this.resolveMembers(em, org, input) : [];

    let app: ApplicationEntity;
    if (input.applicationId) {
      app = await this.visibleForActing(em, viewer, input.applicationId);
      if (app.stage1At)
        throw badInput('A submitted application can no longer be edited', 'input.applicationId');
      await em.update(
        ApplicationEntity,
        { id: app.id },
        {
          channelId,
          registrationType: input.registrationType,
          companyCount: Math.max(1, memberIds.length),
        },
      );
    } else {
      const edition = await this.openEdition(
        em,
        programme,
        input.editionId ? assertId(input.editionId, 'input.editionId') : null,
      );
      app = await repo.save(
        repo.create({
          programmeId: programme.id,
          editionId: edition.id,
          organisationId: org.id,
          registrationType: input.registrationType,
          channelId,
          companyCount: Math.max(1, memberIds.length),
          idempotencyKey: input.idempotencyKey ?? null,
        }),
      );
    }
    if (input.registrationType === 'GROUP') {
      await em.delete(ApplicationMemberEntity, { applicationId: app.id });
      if (memberIds.length) {
        await em.insert(
          ApplicationMemberEntity,
          memberIds.map((organisationId) => ({ applicationId: app.id, organisationId })),
        );
      }
    }
    return repo.findOneByOrFail({ id: app.id });
  }

  /** Members picked from the network, or added by KBO number (joining the network). */
  private async resolveMembers(em: EntityManager, network: OrganisationEntity, input: DraftInput) {
    const picked = [...new Set(input.memberOrganisationIds ?? [])];
    const added = input.newMembers ?? [];
    if (picked.length + added.length === 0)
      throw badInput(
        'A group registration lists at least one company',
        'input.memberOrganisationIds',
      );
    if (picked.length + added.length > MAX_MEMBERS)
      throw badInput(`At most ${MAX_MEMBERS} companies`, 'input.memberOrganisationIds');
    if (picked.length) {
      const rows = await em
        .getRepository(NetworkMembershipEntity)
        .findBy(picked.map((memberId) => ({ networkId: network.id, memberId })));
      if (rows.length !== picked.length)
        throw badInput('Pick members of your network only', 'input.memberOrganisationIds');
    }
    const ids = [...picked];
    for (const [i, m] of added.entries()) {
      const kbo = normaliseKbo(m.kboNumber);
      if (!kbo || !isValidKbo(kbo))
        throw badInput('Not a valid KBO number', `input.newMembers.${i}.kboNumber`);
      let org = await em.getRepository(OrganisationEntity).findOneBy({ kboNumber: kbo });
      if (!org) {
        const name = m.name.trim();
        if (name.length < 2 || name.length > 200)
          throw badInput('Enter the company name', `input.newMembers.${i}.name`);
        org = await em.getRepository(OrganisationEntity).save({
          kind: 'COMPANY',
          kboNumber: kbo,
          name,
          hasPreventionCommittee: false,
        });
      } else if (org.kind !== 'COMPANY') {
        throw badInput('This KBO number is not a company', `input.newMembers.${i}.kboNumber`);
      }
      await em
        .createQueryBuilder()
        .insert()
        .into(NetworkMembershipEntity)
        .values({ networkId: network.id, memberId: org.id })
        .orIgnore()
        .execute();
      ids.push(org.id);
    }
    return [...new Set(ids)];
  }

  private async submitIn(em: EntityManager, viewer: Viewer, app: ApplicationEntity) {
    const programme = await em
      .getRepository(ProgrammeEntity)
      .findOneByOrFail({ id: app.programmeId });
    // A draft saved while its call was open is not submitted after the call closed.
    const edition = await em.getRepository(EditionEntity).findOneByOrFail({ id: app.editionId });
    if (!acceptsApplications(edition, todayInBrussels())) {
      throw userError(
        'BAD_USER_INPUT',
        `The call "${edition.name}" does not take applications today`,
        {
          field: 'input.programmeKey',
          reason: 'NO_OPEN_CALL',
        },
      );
    }
    const org = await em
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ id: app.organisationId });
    if (app.registrationType === 'INDIVIDUAL') {
      const verdict = checkEligibility(programme.eligibility as never, {
        kind: org.kind,
        employeeCount: org.employeeCount ?? 0,
        hasPreventionCommittee: org.hasPreventionCommittee,
        province: org.province,
        naceSection: org.naceSection,
      });
      if (!verdict.eligible) {
        throw userError('BAD_USER_INPUT', verdict.reasons.map((r) => r.message).join(' '), {
          field: 'input.organisationId',
          reasons: verdict.reasons.map((r) => r.code),
        });
      }
    }
    const open = await em
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :org AND a.edition_id = :edition AND a.id <> :id', {
        org: app.organisationId,
        edition: app.editionId,
        id: app.id,
      })
      .andWhere('a.stage1_at IS NOT NULL AND a.exit_stage IS NULL')
      .getOne();
    if (open) {
      throw userError('CONFLICT', 'This organisation already has an application in this round', {
        applicationId: open.id,
      });
    }
    const [first] = await this.steps(em, app.programmeId);
    return this.appendEvent(em, viewer, app, {
      applicationId: app.id,
      stage: first!.key,
      expectedVersion: app.version,
    });
  }

  private async appendEvent(
    em: EntityManager,
    viewer: Viewer,
    app: ApplicationEntity,
    input: StageInput,
  ) {
    // Lock first: the row lock serialises concurrent actors, and a stale version is a
    // CONFLICT whatever the stage rules would say.
    await this.bumpVersion(em, app, input.expectedVersion);
    const defs = await this.stageDefinitions(em, app.programmeId);
    const events = await em
      .getRepository(ApplicationEventEntity)
      .find({ where: { applicationId: app.id }, order: { occurredAt: 'ASC' } });
    try {
      assertTransition(defs, events, input.stage);
    } catch (error) {
      if (error instanceof TransitionError) {
        throw badInput(
          `"${input.stage}" cannot follow the current stage (${error.code})`,
          'input.stage',
        );
      }
      throw error;
    }
    const reasonText = input.reasonText?.trim().slice(0, 2000) || null;
    await em.insert(ApplicationEventEntity, {
      applicationId: app.id,
      stage: input.stage,
      occurredAt: new Date(),
      actor: actorOf(viewer),
      reasonCode: input.reasonCode ?? null,
      reasonText,
    });
    // The e-mail it causes is written in this transaction: it exists iff the event does.
    const def = defs.find((d) => d.key === input.stage);
    await notifyStageChange(em, {
      applicationId: app.id,
      stage: input.stage,
      firstStep: def?.kind === 'STEP' && def.position === 1,
      reasonCode: input.reasonCode ?? null,
      reasonText,
    });
    return em.getRepository(ApplicationEntity).findOneByOrFail({ id: app.id });
  }

  /** Optimistic lock: only the caller who saw the current version may change the application. */
  private async bumpVersion(em: EntityManager, app: ApplicationEntity, expected: number) {
    const result = await em.query(
      'UPDATE application SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING version',
      [app.id, expected],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    if (rows.length === 0) {
      throw userError(
        'CONFLICT',
        'Someone else changed this application in the meantime. Reload it to see the change; nothing was saved.',
        { applicationId: app.id },
      );
    }
  }

  private async visibleForActing(em: EntityManager, viewer: Viewer, id: string) {
    const app = await em.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app || !canActFor(viewer, app.organisationId)) throw notFound('Application');
    return app;
  }

  private async managed(em: EntityManager, viewer: Viewer, id: string) {
    const app = await em.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app || !canManage(viewer, app.programmeId)) throw notFound('Application');
    return app;
  }

  private async stageDefinitions(
    em: EntityManager,
    programmeId: string,
  ): Promise<StageDefinition[]> {
    return (await em.getRepository(StageDefinitionEntity).findBy({ programmeId })).map(
      toDomainStage,
    );
  }

  private async steps(em: EntityManager, programmeId: string) {
    return (await this.stageDefinitions(em, programmeId))
      .filter((d) => d.kind === 'STEP')
      .sort((a, b) => a.position - b.position);
  }

  /**
   * The call the application joins: the one named, or else the latest opened call that takes
   * applications today. Calls are opened in the back office; none open = a clear refusal.
   */
  private async openEdition(
    em: EntityManager,
    programme: ProgrammeEntity,
    editionId?: string | null,
  ): Promise<EditionEntity> {
    const today = todayInBrussels();
    const calls = await em
      .getRepository(EditionEntity)
      .find({ where: { programmeId: programme.id }, order: { opensOn: 'DESC', year: 'DESC' } });
    const chosen = editionId
      ? calls.find((e) => e.id === editionId)
      : calls.find((e) => acceptsApplications(e, today));
    if (editionId && !chosen)
      throw badInput('This call does not belong to the programme', 'input.editionId');
    if (!chosen || !acceptsApplications(chosen, today)) {
      throw userError(
        'BAD_USER_INPUT',
        chosen
          ? `The call "${chosen.name}" does not take applications today`
          : `${programme.name} has no open call today`,
        { field: editionId ? 'input.editionId' : 'input.programmeKey', reason: 'NO_OPEN_CALL' },
      );
    }
    return chosen;
  }
}
