"""SLA reports: compliance, breach causes, forecast, live breach board, exports."""
