/**
 * Hand-made `VerificationResult`s with credentials inside credentials: a CLR 2.0 transcript of
 * achievements, endorsements of a badge, its achievement or its issuer, and a Verifiable
 * Presentation (signed or not). For component tests, stories and the CLI tests' in-process
 * formatting; shaped like what `verify()` returns under the nested-results contract
 * (src/core/result.ts: `nested`, `NestedResult`; src/core/view.ts: `associations`, `endorsement`,
 * `holder`). No keys, no network.
 */
import {
  verdictOf,
  type Check,
  type NestedResult,
  type NestedRole,
  type VerificationResult,
} from '../../src/core/result.js';
import type { AssociationView, BadgeView } from '../../src/core/view.js';

/** The clock every canned result here was checked at. */
export const NESTED_NOW = new Date('2025-06-01T12:00:00Z');

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaGD4DwAD+gH/2t0y4QAAAABJRU5ErkJggg==';

export const UNIVERSITY = {
  id: 'did:web:example.edu',
  name: 'Example University',
  url: 'https://example.edu',
} as const;

/** Every check of a credential that passed everything (a did:web-signed VC-JWT). */
export function passed(view: Pick<BadgeView, 'validFrom' | 'validUntil'> | undefined, now = NESTED_NOW): Check[] {
  return [
    { id: 'format', status: 'passed' },
    { id: 'proof', status: 'passed', details: { alg: 'EdDSA', kid: 'did:web:example.edu#key-1' } },
    { id: 'issuer', status: 'passed', details: { issuer: 'did:web:example.edu', controller: 'did:web:example.edu' } },
    {
      id: 'validity',
      status: 'passed',
      details: { validFrom: view?.validFrom, validUntil: view?.validUntil, now: now.toISOString() },
    },
    { id: 'status', status: 'passed', details: { entries: 1 } },
  ];
}

/** A signature that does not match: `unverified`, the later checks skipped. */
export function tampered(): Check[] {
  return [
    { id: 'format', status: 'passed' },
    { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID', message: 'The signature does not match' },
    { id: 'issuer', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
    { id: 'validity', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
    { id: 'status', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
  ];
}

/** A revoked credential: `unverified`. */
export function revoked(view: Pick<BadgeView, 'validFrom' | 'validUntil'> | undefined): Check[] {
  return [
    ...passed(view).slice(0, 4),
    {
      id: 'status',
      status: 'failed',
      code: 'ERR_OB_REVOKED',
      message: 'Revoked',
      details: { type: 'BitstringStatusListEntry' },
    },
  ];
}

/** A status list that could not be fetched: `unknown`. */
export function statusUnavailable(view: Pick<BadgeView, 'validFrom' | 'validUntil'> | undefined): Check[] {
  return [
    ...passed(view).slice(0, 4),
    {
      id: 'status',
      status: 'warning',
      code: 'ERR_OB_STATUS_UNAVAILABLE',
      message: 'The status list could not be fetched',
      details: { url: 'https://example.edu/status/1' },
    },
  ];
}

/** A result with these checks; its verdict derived from them as the core does. */
export function resultOf(
  checks: Check[],
  view: BadgeView | undefined,
  options: { format?: string; nested?: NestedResult[]; now?: Date } = {},
): VerificationResult {
  const verdict = verdictOf(checks);
  return {
    verified: verdict === 'verified',
    verdict,
    format: options.format ?? (view ? 'ob3-json' : undefined),
    checks,
    credential: view ? { id: view.credentialId } : undefined,
    badge: view,
    checkedAt: (options.now ?? NESTED_NOW).toISOString(),
    ...(options.nested ? { nested: options.nested } : {}),
  };
}

/** An entry beyond the core's caps: not checked, one `format` warning, nothing to show. */
export function tooLarge(): VerificationResult {
  return resultOf(
    [
      {
        id: 'format',
        status: 'warning',
        code: 'ERR_OB_TOO_LARGE',
        message: 'Not checked: the credential carries more nested credentials than allowed',
      },
    ],
    undefined,
  );
}

export function nested(
  role: NestedRole,
  location: string,
  result: VerificationResult,
  about?: NestedResult['about'],
): NestedResult {
  return { role, location, result, ...(about ? { about } : {}) };
}

/** The render model of one achievement of the transcript (an AchievementCredential). */
export function achievementView(
  name: string,
  options: {
    id?: string;
    achievementId?: string;
    type?: string;
    issuedOn?: string;
    description?: string;
  } = {},
): BadgeView {
  return {
    spec: 'ob3',
    credentialId: options.id ?? `urn:uuid:${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    ...(options.description ? { description: options.description } : {}),
    image: { url: PNG, alt: `${name} badge` },
    ...(options.type ? { achievementType: options.type } : {}),
    issuer: { ...UNIVERSITY },
    recipient: { name: 'Alice Example' },
    issuedOn: options.issuedOn ?? '2024-01-15T00:00:00.000Z',
    validFrom: options.issuedOn ?? '2024-01-15T00:00:00.000Z',
    evidence: [],
    alignments: [],
    tags: [],
    // The id of the achievement awarded, which CLR 2.0 associations name.
    ...(options.achievementId ? { achievementId: options.achievementId } : {}),
  };
}

/** The CLR's own render model: the learner, the issuer, the associations between achievements. */
export function clrView(associations?: AssociationView[]): BadgeView {
  return {
    spec: 'clr',
    credentialId: 'urn:uuid:clr-alice-2024',
    name: 'Academic transcript',
    description: 'All achievements of Alice Example at Example University.',
    issuer: { ...UNIVERSITY },
    recipient: { name: 'Alice Example' },
    issuedOn: '2024-07-01T00:00:00.000Z',
    validFrom: '2024-07-01T00:00:00.000Z',
    evidence: [],
    alignments: [],
    tags: [],
    ...(associations ? { associations } : {}),
  };
}

export type Outcome = 'verified' | 'unverified' | 'unknown' | 'too-large';

function checksFor(outcome: Outcome, view: BadgeView): Check[] {
  switch (outcome) {
    case 'verified':
      return passed(view);
    case 'unverified':
      return tampered();
    case 'unknown':
      return statusUnavailable(view);
    default:
      return [];
  }
}

/** One achievement of a transcript, as the core nests it. */
export function achievement(index: number, view: BadgeView, outcome: Outcome = 'verified'): NestedResult {
  const location = `credentialSubject.verifiableCredential[${index}]`;
  return nested(
    'achievement',
    location,
    outcome === 'too-large' ? tooLarge() : resultOf(checksFor(outcome, view), view),
  );
}

/** A CLR whose own checks pass, carrying these achievements. */
export function clrResult(achievements: NestedResult[], associations?: AssociationView[]): VerificationResult {
  const view = clrView(associations);
  return resultOf(passed(view), view, { format: 'clr-json', nested: achievements });
}

const COURSE_NAMES = [
  'Calculus I',
  'Linear Algebra',
  'Statistics',
  'Programming Fundamentals',
  'Data Structures',
  'Databases',
  'Machine Learning',
  'Ethics in Computing',
  'Technical Writing',
  'Capstone Project',
];

/**
 * A transcript of `count` courses, one a month from January 2021, given in reverse order (the
 * component sorts by date). `outcomes` sets the verdict of some of them by index.
 */
export function transcript(count: number, outcomes: Readonly<Record<number, Outcome>> = {}): VerificationResult {
  const items: NestedResult[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const month = new Date(Date.UTC(2021, i, 15)).toISOString();
    const base = COURSE_NAMES[i % COURSE_NAMES.length]!;
    const name = i < COURSE_NAMES.length ? base : `${base} ${Math.floor(i / COURSE_NAMES.length) + 1}`;
    items.push(
      achievement(items.length, achievementView(name, { id: `urn:uuid:course-${i}`, issuedOn: month }), outcomes[i]),
    );
  }
  return clrResult(items);
}

/**
 * A degree transcript with types and associations: the degree is the parent of two courses
 * (one named by achievement id with `isChildOf`, one by credential id with `isParentOf`), a
 * `precedes` link orders the courses, and a standalone certificate has no parent. One course is
 * revoked, so "1 of 4 not verified".
 */
export function degreeTranscript(): VerificationResult {
  const degree = achievementView('BSc Computer Science', {
    id: 'urn:uuid:degree',
    achievementId: 'https://example.edu/achievements/bsc-cs',
    type: 'Degree',
    issuedOn: '2024-06-30T00:00:00.000Z',
  });
  const algebra = achievementView('Linear Algebra', {
    id: 'urn:uuid:algebra',
    achievementId: 'https://example.edu/achievements/linear-algebra',
    type: 'Course',
    issuedOn: '2023-01-20T00:00:00.000Z',
  });
  const ml = achievementView('Machine Learning', {
    id: 'urn:uuid:ml',
    achievementId: 'https://example.edu/achievements/ml',
    type: 'Course',
    issuedOn: '2022-12-20T00:00:00.000Z',
  });
  const cert = achievementView('First Aid', {
    id: 'urn:uuid:first-aid',
    type: 'Certificate',
    issuedOn: '2021-03-01T00:00:00.000Z',
  });
  return clrResult(
    [achievement(0, cert), achievement(1, ml), achievement(2, degree), achievement(3, algebra, 'unverified')],
    [
      {
        type: 'isChildOf',
        sourceId: 'https://example.edu/achievements/linear-algebra',
        targetId: 'https://example.edu/achievements/bsc-cs',
      },
      { type: 'isParentOf', sourceId: 'urn:uuid:degree', targetId: 'urn:uuid:ml' },
      // Algebra before Machine Learning, though Machine Learning was awarded first.
      {
        type: 'precedes',
        sourceId: 'https://example.edu/achievements/linear-algebra',
        targetId: 'https://example.edu/achievements/ml',
      },
    ],
  );
}

/** The render model of an EndorsementCredential. */
export function endorsementView(
  endorser: { id?: string; name?: string; url?: string },
  subjectId: string | undefined,
  comment: string | undefined,
): BadgeView {
  return {
    spec: 'endorsement',
    credentialId: `urn:uuid:endorsement-${(endorser.name ?? 'x').toLowerCase().replace(/\W+/g, '-')}`,
    name: 'Endorsement',
    issuer: endorser,
    issuedOn: '2024-03-01T00:00:00.000Z',
    validFrom: '2024-03-01T00:00:00.000Z',
    evidence: [],
    alignments: [],
    tags: [],
    endorsement: {
      ...(subjectId ? { subjectId } : {}),
      ...(comment ? { comment } : {}),
    },
  };
}

/** An endorsement that names something other than what it is attached to. */
export function endorsementMismatch(view: BadgeView): Check[] {
  return [
    ...passed(view),
    {
      id: 'subject',
      status: 'failed',
      code: 'ERR_OB_ENDORSEMENT_MISMATCH',
      message: 'The endorsement is about something else',
      details: { expected: 'https://example.edu/achievements/data-literacy', subjectId: 'https://other.example/x' },
    },
  ];
}

export const ACHIEVEMENT_ID = 'https://example.edu/achievements/data-literacy';

/**
 * A badge with three endorsements: a verified one of its achievement (with a Markdown comment),
 * one about something else (ERR_OB_ENDORSEMENT_MISMATCH), and one whose status is unknown. Listed
 * with the failed one first, to see that the component puts the verified one first.
 */
export function endorsedBadge(outer: 'verified' | 'unverified' = 'verified'): VerificationResult {
  const guild = endorsementView(
    { id: 'did:web:guild.example', name: 'Data Guild', url: 'https://guild.example' },
    ACHIEVEMENT_ID,
    'A **rigorous** programme. See [our review](https://guild.example/review).',
  );
  const impostor = endorsementView(
    { id: 'did:web:impostor.example', name: 'Famous Institute', url: 'https://impostor.example' },
    'https://other.example/x',
    'Totally [legit](https://impostor.example/phish).',
  );
  const board = endorsementView(
    { id: 'did:web:board.example', name: 'Skills Board' },
    'did:web:example.edu',
    'A trusted issuer of data badges.',
  );
  const view: BadgeView = {
    ...achievementView('Data Literacy', { id: 'urn:uuid:data-literacy', type: 'Certificate' }),
    description: 'Awarded for analysing real data sets.',
  };
  return resultOf(outer === 'verified' ? passed(view) : tampered(), view, {
    nested: [
      nested(
        'endorsement',
        'credentialSubject.achievement.endorsement[0]',
        resultOf(endorsementMismatch(impostor), impostor),
        {
          target: 'achievement',
          id: ACHIEVEMENT_ID,
        },
      ),
      nested('endorsement', 'credentialSubject.achievement.endorsement[1]', resultOf(passed(guild), guild), {
        target: 'achievement',
        id: ACHIEVEMENT_ID,
      }),
      nested('endorsement', 'issuer.endorsement[0]', resultOf(statusUnavailable(board), board), {
        target: 'issuer',
        id: 'did:web:example.edu',
      }),
    ],
  });
}

/** A standalone EndorsementCredential, verified. */
export function standaloneEndorsement(): VerificationResult {
  const view = endorsementView(
    { id: 'did:web:guild.example', name: 'Data Guild', url: 'https://guild.example' },
    ACHIEVEMENT_ID,
    'We reviewed this programme: it meets our **professional standard**.',
  );
  return resultOf(passed(view), view);
}

/** A presentation's render model. */
export function presentationView(holder = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'): BadgeView {
  return {
    spec: 'vp',
    name: 'Presentation',
    issuer: {},
    holder,
    evidence: [],
    alignments: [],
    tags: [],
  };
}

/** The presentation's own checks: signed by its holder, or carrying credentials nobody signed. */
export function presentationChecks(kind: 'signed' | 'unsigned' | 'holder-mismatch', holder: string): Check[] {
  switch (kind) {
    case 'signed':
      return [
        { id: 'format', status: 'passed' },
        { id: 'proof', status: 'passed', details: { cryptosuite: 'eddsa-rdfc-2022' } },
        { id: 'holder', status: 'passed', details: { holder, controller: holder, keyId: `${holder}#key-1` } },
        { id: 'credentials', status: 'passed', details: { credentials: 3, entries: 3 } },
      ];
    case 'holder-mismatch':
      return [
        { id: 'format', status: 'passed' },
        { id: 'proof', status: 'passed', details: { cryptosuite: 'eddsa-rdfc-2022' } },
        {
          id: 'holder',
          status: 'failed',
          code: 'ERR_OB_HOLDER_MISMATCH',
          message: 'The key that signed the presentation is not the holder’s',
          details: { holder, controller: 'did:web:someone-else.example' },
        },
      ];
    case 'unsigned':
    default:
      return [
        { id: 'format', status: 'passed' },
        {
          id: 'proof',
          status: 'warning',
          code: 'ERR_OB_PRESENTATION_UNSIGNED',
          message: 'The presentation carries credentials but is not signed',
        },
        { id: 'holder', status: 'skipped', code: 'ERR_OB_PRESENTATION_UNSIGNED', details: { requires: 'proof' } },
      ];
  }
}

/** A presentation of three credentials: two verified, one revoked. */
export function presentation(kind: 'signed' | 'unsigned' | 'holder-mismatch' = 'signed'): VerificationResult {
  const view = presentationView();
  const literacy = achievementView('Data Literacy', { id: 'urn:uuid:data-literacy', type: 'Certificate' });
  const python = achievementView('Python Programming', { id: 'urn:uuid:python', type: 'Course' });
  const sql = achievementView('SQL Basics', { id: 'urn:uuid:sql', type: 'Course' });
  return resultOf(presentationChecks(kind, view.holder!), view, {
    format: 'vp-json',
    nested: [
      nested('credential', 'verifiableCredential[0]', resultOf(passed(literacy), literacy)),
      nested('credential', 'verifiableCredential[1]', resultOf(revoked(python), python)),
      nested('credential', 'verifiableCredential[2]', resultOf(passed(sql), sql)),
    ],
  });
}
