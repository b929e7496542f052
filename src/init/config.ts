/** The commented configuration a new workspace starts from: every key, at its default. */
export const CONFIG_YAML = `# hms-report configuration. Every key is optional; the values below are the defaults.

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
`;
