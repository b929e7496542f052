/**
 * The header row of every workspace table (data contract §3), in the
 * contract's column order. Where the contract allows one of two columns
 * (month or quarter, employee_id or persons; date or year) the scaffold uses
 * the first, which is what the raw exports hold; the README names the other.
 */
export const TABLE_HEADERS: Readonly<Record<string, readonly string[]>> = {
  'units.csv': ['unit_id', 'name', 'parent_id', 'reporting', 'first_year', 'last_year'],
  'incidents.csv': [
    'case_id',
    'unit_id',
    'registered_date',
    'case_type',
    'category',
    'status',
    'closed_date',
    'severity_person_actual',
    'severity_person_potential',
    'severity_material_actual',
    'severity_material_potential',
    'severity_environment_actual',
    'severity_environment_potential',
  ],
  'injuries.csv': ['case_id', 'unit_id', 'date', 'kind'],
  'whistleblowing.csv': ['case_id', 'received_date', 'topic', 'critical'],
  'absence.csv': [
    'year',
    'month',
    'unit_id',
    'gender',
    'position_code',
    'employee_id',
    'agreed_days',
    'self_certified_days',
    'doctor_certified_days',
  ],
  'working-time.csv': ['unit_id', 'date', 'rule', 'count'],
  'position-codes.csv': ['position_code', 'title', 'group'],
};

/** `;` is what Excel in a Norwegian locale reads and writes; the BOM makes it read æøå as UTF-8. */
export function headerCsv(columns: readonly string[]): string {
  return `\ufeff${columns.join(';')}\r\n`;
}
