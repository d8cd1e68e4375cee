// Implements the unit parsers and formatters, with messages that quote the rejected text and name the expected form.
#include "core/Units.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>

namespace stormsim {
namespace {

constexpr double kSecondsPerMinute = 60;
constexpr double kSecondsPerHour = 3600;
constexpr double kSecondsPerDay = 86400;

constexpr const char* kDurationExamples = R"(expected a number and a unit such as "90s", "10m", "4h" or "2d")";
constexpr const char* kRateExamples = R"(expected a positive count per window such as "30/min" or "10/10s")";
constexpr const char* kClockExamples = R"(expected HH:MM or HH:MM:SS such as "02:15" or "02:15:30")";
constexpr const char* kDateTimeExamples =
    R"(expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS such as "2017-10-12T00:00:00")";

struct UnitFactor {
  std::string_view name;
  double seconds;
};

constexpr UnitFactor kDurationUnits[] = {
    {"ms", 0.001}, {"s", 1}, {"m", kSecondsPerMinute}, {"h", kSecondsPerHour}, {"d", kSecondsPerDay}};

constexpr UnitFactor kWindowWords[] = {{"s", 1},
                                       {"sec", 1},
                                       {"second", 1},
                                       {"min", kSecondsPerMinute},
                                       {"minute", kSecondsPerMinute},
                                       {"h", kSecondsPerHour},
                                       {"hour", kSecondsPerHour},
                                       {"day", kSecondsPerDay}};

[[noreturn]] void reject(std::string_view kind, std::string_view text, std::string_view expectation) {
  std::string message = "invalid ";
  message.append(kind).append(" \"").append(text).append("\", ").append(expectation);
  throw std::invalid_argument(message);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A plain decimal number at the start of a text: digits with an optional fraction, no sign and no exponent.
struct Decimal {
  double value = 0;
  std::size_t length = 0;
  bool out_of_range = false;
};

std::optional<Decimal> read_decimal(std::string_view text) {
  std::size_t length = 0;
  while (length < text.size() && is_digit(text[length])) {
    ++length;
  }
  if (length == 0) {
    return std::nullopt;
  }
  if (length + 1 < text.size() && text[length] == '.' && is_digit(text[length + 1])) {
    length += 2;
    while (length < text.size() && is_digit(text[length])) {
      ++length;
    }
  }

  Decimal decimal;
  decimal.length = length;
  const auto result = std::from_chars(text.data(), text.data() + length, decimal.value, std::chars_format::fixed);
  decimal.out_of_range = result.ec == std::errc::result_out_of_range || !std::isfinite(decimal.value);
  return decimal;
}

std::optional<double> find_factor(const UnitFactor* begin, const UnitFactor* end, std::string_view name) {
  for (const UnitFactor* unit = begin; unit != end; ++unit) {
    if (unit->name == name) {
      return unit->seconds;
    }
  }
  return std::nullopt;
}

// Returns the seconds of a duration without a sign, infinity when the value does not fit in a double, or nullopt when
// the text is not a duration.
std::optional<double> read_unsigned_duration(std::string_view text) {
  const std::optional<Decimal> number = read_decimal(text);
  if (!number) {
    return std::nullopt;
  }
  const std::optional<double> factor =
      find_factor(std::begin(kDurationUnits), std::end(kDurationUnits), text.substr(number->length));
  if (!factor) {
    return std::nullopt;
  }
  if (number->out_of_range) {
    return std::numeric_limits<double>::infinity();
  }
  return number->value * *factor;
}

// Reads two decimal digits at `position`, or returns nullopt.
std::optional<int> read_two_digits(std::string_view text, std::size_t position) {
  if (position + 2 > text.size() || !is_digit(text[position]) || !is_digit(text[position + 1])) {
    return std::nullopt;
  }
  return (text[position] - '0') * 10 + (text[position + 1] - '0');
}

std::optional<int> read_four_digits(std::string_view text, std::size_t position) {
  const std::optional<int> high = read_two_digits(text, position);
  const std::optional<int> low = read_two_digits(text, position + 2);
  if (!high || !low) {
    return std::nullopt;
  }
  return *high * 100 + *low;
}

struct ClockParts {
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// Reads exactly "HH:MM" or "HH:MM:SS" without checking ranges.
std::optional<ClockParts> read_clock_parts(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) {
    return std::nullopt;
  }
  const std::optional<int> hour = read_two_digits(text, 0);
  const std::optional<int> minute = read_two_digits(text, 3);
  if (!hour || !minute || text[2] != ':') {
    return std::nullopt;
  }
  ClockParts parts{*hour, *minute, 0};
  if (text.size() == 8) {
    const std::optional<int> second = read_two_digits(text, 6);
    if (!second || text[5] != ':') {
      return std::nullopt;
    }
    parts.second = *second;
  }
  return parts;
}

void check_clock_ranges(const ClockParts& parts, std::string_view kind, std::string_view text) {
  if (parts.hour > 23) {
    reject(kind, text, "expected an hour from 00 to 23");
  }
  if (parts.minute > 59) {
    reject(kind, text, "expected minutes from 00 to 59");
  }
  if (parts.second > 59) {
    reject(kind, text, "expected seconds from 00 to 59");
  }
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return kDays[month - 1];
}

// Days from 0001-01-01 to January 1 of `year`, for year >= 1.
std::int64_t days_before_year(std::int64_t year) {
  const std::int64_t previous = year - 1;
  return 365 * previous + previous / 4 - previous / 100 + previous / 400;
}

std::int64_t days_since_year_one(const DateTime& date) {
  std::int64_t days = days_before_year(date.year);
  for (int month = 1; month < date.month; ++month) {
    days += days_in_month(date.year, month);
  }
  return days + date.day - 1;
}

std::int64_t seconds_since_year_one(const DateTime& date) {
  const std::int64_t clock = date.hour * 3600 + date.minute * 60 + date.second;
  return days_since_year_one(date) * 86400 + clock;
}

DateTime date_time_from_seconds(std::int64_t total_seconds) {
  const std::int64_t days = total_seconds / 86400;
  std::int64_t clock = total_seconds % 86400;

  // The estimate is within one year of the result, and the loops correct it.
  std::int64_t year = 1 + static_cast<std::int64_t>(static_cast<double>(days) / 365.2425);
  while (year > 1 && days_before_year(year) > days) {
    --year;
  }
  while (days_before_year(year + 1) <= days) {
    ++year;
  }

  DateTime date;
  date.year = static_cast<int>(year);
  std::int64_t day_of_year = days - days_before_year(year);
  date.month = 1;
  while (day_of_year >= days_in_month(date.year, date.month)) {
    day_of_year -= days_in_month(date.year, date.month);
    ++date.month;
  }
  date.day = static_cast<int>(day_of_year) + 1;
  date.hour = static_cast<int>(clock / 3600);
  clock %= 3600;
  date.minute = static_cast<int>(clock / 60);
  date.second = static_cast<int>(clock % 60);
  return date;
}

// Formats a non-negative number with leading zeros up to `width` digits.
std::string zero_padded(std::int64_t value, std::size_t width) {
  std::string text = std::to_string(value);
  if (text.size() < width) {
    text.insert(0, width - text.size(), '0');
  }
  return text;
}

// Formats a non-negative, finite duration.
std::string format_unsigned_duration(double seconds) {
  if (seconds < 0.9995) {
    const long long milliseconds = std::llround(seconds * 1000);
    return milliseconds == 0 ? "0s" : std::to_string(milliseconds) + "ms";
  }
  if (seconds >= 1e18) {
    // llround cannot represent such a number of seconds, and only its order of magnitude matters to a reader.
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3gd", seconds / kSecondsPerDay);
    return buffer;
  }
  const long long whole_seconds = std::llround(seconds);
  if (whole_seconds < 60) {
    return std::to_string(whole_seconds) + "s";
  }
  if (whole_seconds < 3600) {
    return std::to_string(whole_seconds / 60) + "m" + zero_padded(whole_seconds % 60, 2) + "s";
  }
  const long long minutes = std::llround(seconds / kSecondsPerMinute);
  if (minutes < 24 * 60) {
    return std::to_string(minutes / 60) + "h" + zero_padded(minutes % 60, 2) + "m";
  }
  const long long hours = std::llround(seconds / kSecondsPerHour);
  return std::to_string(hours / 24) + "d" + zero_padded(hours % 24, 2) + "h";
}

} // namespace

double parse_duration(std::string_view text) {
  if (const std::optional<double> seconds = read_unsigned_duration(text)) {
    if (std::isinf(*seconds)) {
      reject("duration", text, "the value is too large");
    }
    return *seconds;
  }
  if (!text.empty() && text.front() == '-' && read_unsigned_duration(text.substr(1))) {
    reject("duration", text, R"(expected a duration that is not negative, such as "0s" or "90s")");
  }
  reject("duration", text, kDurationExamples);
}

double Rate::per_second() const { return count / window_s; }

Rate parse_rate(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    reject("rate", text, kRateExamples);
  }
  const std::string_view count_text = text.substr(0, slash);
  const std::string_view window_text = text.substr(slash + 1);

  const std::optional<Decimal> count = read_decimal(count_text);
  if (!count || count->length != count_text.size()) {
    reject("rate", text, kRateExamples);
  }
  if (count->out_of_range) {
    reject("rate", text, "the count is too large");
  }
  if (count->value <= 0) {
    reject("rate", text, kRateExamples);
  }

  Rate rate;
  rate.count = count->value;
  if (const std::optional<double> word = find_factor(std::begin(kWindowWords), std::end(kWindowWords), window_text)) {
    rate.window_s = *word;
    return rate;
  }
  try {
    rate.window_s = parse_duration(window_text);
  } catch (const std::invalid_argument&) {
    reject("rate", text,
           R"(expected a window after "/" that is one of s, sec, second, min, minute, h, hour, day )"
           R"(or a duration such as "10s")");
  }
  if (rate.window_s <= 0) {
    reject("rate", text, "expected a window longer than zero");
  }
  return rate;
}

double parse_clock_time(std::string_view text) {
  const std::optional<ClockParts> parts = read_clock_parts(text);
  if (!parts) {
    reject("clock time", text, kClockExamples);
  }
  check_clock_ranges(*parts, "clock time", text);
  return parts->hour * kSecondsPerHour + parts->minute * kSecondsPerMinute + parts->second;
}

DateTime parse_date_time(std::string_view text) {
  const std::optional<int> year = read_four_digits(text, 0);
  const std::optional<int> month = read_two_digits(text, 5);
  const std::optional<int> day = read_two_digits(text, 8);
  const bool separators_valid =
      text.size() > 10 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == ' ');
  const std::optional<ClockParts> clock = separators_valid ? read_clock_parts(text.substr(11)) : std::nullopt;
  if (!year || !month || !day || !clock) {
    reject("date-time", text, kDateTimeExamples);
  }

  if (*year < 1) {
    reject("date-time", text, "expected a year from 0001 to 9999");
  }
  if (*month < 1 || *month > 12) {
    reject("date-time", text, "expected a month from 01 to 12");
  }
  const int last_day = days_in_month(*year, *month);
  if (*day < 1 || *day > last_day) {
    reject("date-time", text,
           "expected a day from 01 to " + std::to_string(last_day) + " in " + std::string(text.substr(0, 7)));
  }
  check_clock_ranges(*clock, "date-time", text);
  return DateTime{*year, *month, *day, clock->hour, clock->minute, clock->second};
}

double seconds_until_clock(const DateTime& start, double clock_s) {
  if (!(clock_s >= 0 && clock_s < kSecondsPerDay)) {
    throw std::invalid_argument("seconds_until_clock: clock_s must be in [0, 86400), got " + std::to_string(clock_s));
  }
  const double start_clock = start.hour * kSecondsPerHour + start.minute * kSecondsPerMinute + start.second;
  const double difference = clock_s - start_clock;
  return difference < 0 ? difference + kSecondsPerDay : difference;
}

double parse_time_point(std::string_view text, const DateTime& start) {
  if (!text.empty() && text.front() == '+') {
    try {
      return parse_duration(text.substr(1));
    } catch (const std::invalid_argument&) {
      reject("time", text, R"(expected "+" followed by a duration such as "+90s", "+10m" or "+4h")");
    }
  }
  if (text.size() > 4 && text[4] == '-') {
    const DateTime moment = parse_date_time(text);
    const std::int64_t offset = seconds_since_year_one(moment) - seconds_since_year_one(start);
    if (offset < 0) {
      reject("time", text, "expected a date-time at or after the scenario start " + format_date_time(start, 0));
    }
    return static_cast<double>(offset);
  }
  if (text.find(':') != std::string_view::npos) {
    return seconds_until_clock(start, parse_clock_time(text));
  }
  reject("time", text,
         R"(expected a clock time such as "02:15", a date-time such as "2017-10-12T02:15:00" )"
         R"(or an offset such as "+90m")");
}

std::string format_date_time(const DateTime& start, double offset_s) {
  // 1e12 s is about 31700 years, beyond the supported calendar but safe from integer overflow.
  if (!std::isfinite(offset_s) || std::fabs(offset_s) > 1e12) {
    throw std::invalid_argument("format_date_time: offset " + std::to_string(offset_s) + " s is out of range");
  }
  const auto offset = static_cast<std::int64_t>(std::floor(offset_s + 1e-6));
  const std::int64_t total = seconds_since_year_one(start) + offset;
  if (total < 0 || total >= days_before_year(10000) * 86400) {
    throw std::invalid_argument("format_date_time: offset " + std::to_string(offset_s) +
                                " s leads outside years 0001-9999");
  }

  const DateTime moment = date_time_from_seconds(total);
  return zero_padded(moment.year, 4) + "-" + zero_padded(moment.month, 2) + "-" + zero_padded(moment.day, 2) + "T" +
         zero_padded(moment.hour, 2) + ":" + zero_padded(moment.minute, 2) + ":" + zero_padded(moment.second, 2);
}

std::string format_duration(double seconds) {
  if (std::isnan(seconds)) {
    return "nan";
  }
  if (std::isinf(seconds)) {
    return seconds > 0 ? "inf" : "-inf";
  }
  const std::string magnitude = format_unsigned_duration(std::fabs(seconds));
  return seconds < 0 && magnitude != "0s" ? "-" + magnitude : magnitude;
}

} // namespace stormsim
