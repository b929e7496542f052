"""The same aggregation as the tool's, in pandas: the report years' person-month
rows summed into (year, quarter, unit, gender, stillingskode) cells with their
distinct employees. Prints wall and CPU seconds, peak RSS and a checksum as JSON."""
import json
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
cpu_start = time.process_time()
frame = pd.read_csv(sys.argv[1], sep=';', dtype={'position_code': str, 'employee_id': str, 'unit_id': str, 'gender': str})
frame = frame[(frame['year'] >= 2023) & (frame['year'] <= 2025)]
frame['quarter'] = (frame['month'] - 1) // 3 + 1
cells = frame.groupby(['year', 'quarter', 'unit_id', 'gender', 'position_code']).agg(
    **{'agreed': ('agreed_days', 'sum'), 'self_days': ('self_certified_days', 'sum'), 'doctor': ('doctor_certified_days', 'sum'), 'persons': ('employee_id', 'nunique')})
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start
check = {'cells': int(len(cells)), 'agreed': round(float(cells['agreed'].sum())), 'self': round(float(cells['self_days'].sum())), 'doctor': round(float(cells['doctor'].sum()))}
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu_seconds, 'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'check': check}))
