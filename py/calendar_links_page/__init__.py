"""The page's shell of calendar-links: reads the DOM into plain values, hands them to the
core (`calendar_links_core`) and draws what it returns. Runs only in the browser."""
