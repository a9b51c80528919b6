import type { NestedRole } from '../core/result.js';
import type { NestedMessages } from './messages-base.js';

/**
 * The English strings for credentials inside credentials (see `NestedMessages`): loaded with the
 * part of `<ob-badge>` that draws them (badge-nested.ts), so a page of ordinary badges never
 * downloads them. messages.ts adds them to `en`.
 */
export const nestedEn: NestedMessages = {
  nestedHeading(role) {
    switch (role) {
      case 'achievement':
        return 'Achievements';
      case 'endorsement':
        return 'Endorsements';
      case 'credential':
      default:
        return 'Credentials';
    }
  },

  nestedSummary(role, counts) {
    return `${counts.verified} of ${counts.total} ${nestedNoun(role, counts.total)} verified`;
  },

  nestedCount(verdict, count) {
    return verdict === 'unknown' ? `${count} status unknown` : `${count} not verified`;
  },

  nestedNamesLead(verdict) {
    return verdict === 'unknown' ? 'Status unknown:' : 'Not verified:';
  },

  nestedMore(count) {
    return `and ${count} more`;
  },

  achievementGroup(type) {
    return type ?? 'Other achievements';
  },

  untitledCredential: 'Unnamed credential',
  showDetails: 'Show details',
  hideDetails: 'Hide details',

  nestedProgress(shown, total) {
    return `Showing ${shown} of ${total}…`;
  },

  endorsedBy: 'Endorsed by',

  endorsementAbout(target) {
    switch (target) {
      case 'achievement':
        return 'About the achievement';
      case 'issuer':
        return 'About the issuer';
      case 'credential':
        return 'About this credential';
      default:
        return 'About something not named';
    }
  },

  endorses(endorser, subject) {
    const who = endorser ?? 'Someone';
    return subject ? `${who} endorses ${subject}` : `${who} endorses something not named`;
  },

  endorsementChecksSummary(count) {
    return count === 1
      ? 'How this endorsement was checked (1 check)'
      : `How this endorsement was checked (${count} checks)`;
  },

  presentedBy(holder, outcome) {
    switch (outcome) {
      case 'proven':
        return `Presented by ${holder}`;
      case 'mismatch':
        return `Names ${holder} as its holder, but someone else signed it`;
      case 'unproven':
      default:
        return `Names ${holder} as its holder (not proven)`;
    }
  },

  claimsEndorsedBy: 'Claims to be endorsed by',

  claimsToEndorse(endorser, subject) {
    const who = endorser ?? 'someone';
    return subject ? `Claims to be an endorsement of ${subject} by ${who}` : `Claims to be an endorsement by ${who}`;
  },
};

/** "achievement(s)", "endorsement(s)", "credential(s)". English plurals; translations do their own. */
function nestedNoun(role: NestedRole, count: number): string {
  const one = role === 'achievement' ? 'achievement' : role === 'endorsement' ? 'endorsement' : 'credential';
  return count === 1 ? one : `${one}s`;
}
