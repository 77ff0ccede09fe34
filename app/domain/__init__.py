"""Pure-Python rules of IMR's service protocol: priorities, channels, calendars, SLA clocks."""
