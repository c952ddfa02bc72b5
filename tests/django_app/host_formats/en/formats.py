DATE_FORMAT = "d.m.y"
DATETIME_FORMAT = "d.m.y H:i"
SHORT_DATE_FORMAT = "d.m.y"
DATE_INPUT_FORMATS = ["%d.%m.%y", "%Y-%m-%d"]
