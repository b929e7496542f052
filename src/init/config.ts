import type { SourceDescriptor } from '../sources/descriptor.js';

/**
 * The commented configuration a new workspace starts from: every key, at its
 * default; the optional ones (source names, cover and colophon) commented out
 * with an example, the source names listed from the sources themselves.
 */
export function configYaml(sources: readonly SourceDescriptor[]): string {
  const systems = sources.filter((source) => source.system);
  const width = Math.max(...systems.map((source) => source.key.length));
  return `# hms-report configuration. Every key is optional; the values below are the defaults.

# The institution's name, as printed in the report and written to metrics.json.
institution: Institusjonen

# Traffic lights of the survey tables, from the unrounded percent positive:
# green above "green", red below "red", yellow otherwise (80 and 50 themselves are yellow).
thresholds:
  green: 80
  red: 50

# Sick leave: a group (unit, org, gender, quarter ...) with fewer persons than
# this is suppressed: left out of metrics.json (null) and shown as hidden in the
# report, so that no one's absence can be read or worked out from it.
suppression:
  minPersons: 5

# The "Kilde:" line under each figure and table says where its numbers come
# from: by default the institution and the words after each key below. Name
# the systems as your institution does, e.g. "incidents: EQS (avvikssystemet)".
# sources:
${systems.map((source) => `#   ${`${source.key}:`.padEnd(width + 1)} ${source.system}`).join('\n')}

# The cover and the colophon ("Om rapporten").
# publication:
#   logo: logo.svg                # SVG or PNG, a file in this workspace
#   publisher: Universitetet, HR- og HMS-avdelingen
#   contact: hms@example.org
#   date: 2026-03-19              # the date of publication; default 1 January after the report year
#   caseNumber: 2026/1234
#   reviewedIn:                   # "Behandlet i": one line per body and meeting
#     - Arbeidsmiljøutvalget (AMU), 5. mars 2026
`;
}
