// Parses and formats the durations, rates and times that scenario files write as text, such as "90s" or "30/min".
#pragma once

#include <string>
#include <string_view>

namespace stormsim {

// All parse functions throw std::invalid_argument whose what() is a one-line message for people. The message quotes
// the rejected text and states what was expected.
//
// Simulated time has no time zones: every day is 86400 s long and there are no leap seconds.

// Parses a duration such as "90s", "10m", "4h", "2d", "1.5h", "250ms" or "0s" and returns seconds.
// The number is a plain decimal (digits with an optional fraction). Rejects negative values, a missing or unknown
// unit, spaces, exponents, inf and nan, and results too large for a double.
double parse_duration(std::string_view text);

// An event rate: `count` events per `window_s` seconds. Both are positive after parse_rate.
struct Rate {
  double count = 0;
  double window_s = 0;

  double per_second() const;
};

// Parses a rate "<count>/<window>", such as "30/min", "10/10s", "3/day" or "1.5/min". The window is one of the words
// s, sec, second, min, minute, h, hour, day, or a duration that parse_duration accepts. Count and window must be
// greater than zero.
Rate parse_rate(std::string_view text);

// Parses a clock time "HH:MM" or "HH:MM:SS" (two digits each, hours 00-23) and returns seconds since midnight.
double parse_clock_time(std::string_view text);

// A calendar date and clock time in the proleptic Gregorian calendar, without a time zone.
struct DateTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// Parses "2017-10-12T00:00:00", "2017-10-12T00:00" or "2017-10-12 00:00[:00]". Validates the calendar, including
// leap years, and accepts years 0001-9999.
DateTime parse_date_time(std::string_view text);

// Returns the seconds from `start` to the first moment at or after `start` whose clock reads `clock_s` seconds since
// midnight. The result is in [0, 86400), so "02:15" in a scenario that starts at 22:00 is 4h15m after the start.
// Throws std::invalid_argument unless 0 <= clock_s < 86400.
double seconds_until_clock(const DateTime& start, double clock_s);

// Parses a moment of the scenario and returns seconds after `start`. Accepts a clock time such as "02:15", which
// means the next time the clock shows 02:15 (see seconds_until_clock), a date-time such as "2017-10-12T02:15:00",
// which must not be before `start`, or "+" and a duration such as "+90m".
double parse_time_point(std::string_view text, const DateTime& start);

// Formats the moment `offset_s` seconds after `start` as "2017-10-12T02:15:00". Seconds are rounded down after
// adding 1 microsecond, so that a sum of floating-point steps such as 8099.9999999 prints as the intended second.
// Throws std::invalid_argument when the offset is not finite or the result falls outside years 0001-9999.
std::string format_date_time(const DateTime& start, double offset_s);

// Formats a duration compactly for people: "250ms", "45s", "12m30s", "3h05m", "2d04h". Durations of a minute or more
// show two units and are rounded to the nearest value of the smaller one. Negative durations get a leading "-", and
// values that are not finite print as "inf", "-inf" or "nan".
std::string format_duration(double seconds);

} // namespace stormsim
