// Checks every accepted form and every error message of the scenario unit parsers and formatters.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/Units.hpp"

using stormsim::DateTime;
using stormsim::Rate;

namespace {

// Returns the message of the std::invalid_argument that `action` throws, or a note that it threw none.
std::string invalid_argument_message(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no std::invalid_argument thrown)";
}

const std::string kDurationExamples = R"(expected a number and a unit such as "90s", "10m", "4h" or "2d")";
const std::string kRateExamples = R"(expected a positive count per window such as "30/min" or "10/10s")";
const std::string kRateWindowExamples = R"(expected a window after "/" that is one of s, sec, second, min, minute, )"
                                        R"(h, hour, day or a duration such as "10s")";
const std::string kClockExamples = R"(expected HH:MM or HH:MM:SS such as "02:15" or "02:15:30")";
const std::string kDateTimeExamples =
    R"(expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS such as "2017-10-12T00:00:00")";
const std::string kTimeExamples = R"(expected a clock time such as "02:15", a date-time such as )"
                                  R"("2017-10-12T02:15:00" or an offset such as "+90m")";

} // namespace

TEST_CASE("duration accepts every unit", "[units]") {
  const std::vector<std::pair<std::string, double>> cases = {
      {"90s", 90},     {"10m", 600}, {"4h", 14400}, {"2d", 172800}, {"1.5h", 5400},
      {"250ms", 0.25}, {"0s", 0},    {"0.5s", 0.5}, {"1.25m", 75},  {"007s", 7},
  };
  for (const auto& [text, seconds] : cases) {
    INFO("text: " << text);
    CHECK(stormsim::parse_duration(text) == Approx(seconds));
  }
}

TEST_CASE("duration rejects malformed text", "[units]") {
  const std::vector<std::string> cases = {"5 mins", "",     "90",  "s",   "5m ", " 5m", "5mx", "inf", "nan",
                                          "infs",   "1e3s", ".5h", "5.h", "+5m", "5M",  "5 s", "5min"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_duration(text); }) ==
          "invalid duration \"" + text + "\", " + kDurationExamples);
  }
}

TEST_CASE("duration rejects negative values", "[units]") {
  CHECK(invalid_argument_message([] { stormsim::parse_duration("-5m"); }) ==
        R"(invalid duration "-5m", expected a duration that is not negative, such as "0s" or "90s")");
}

TEST_CASE("duration rejects values too large", "[units]") {
  const std::string digits = std::string(400, '9') + "d";
  CHECK(invalid_argument_message([&] { stormsim::parse_duration(digits); }) ==
        "invalid duration \"" + digits + "\", the value is too large");

  // 1e306 fits in a double, but not after conversion from days to seconds.
  const std::string days = "1" + std::string(306, '0') + "d";
  CHECK(invalid_argument_message([&] { stormsim::parse_duration(days); }) ==
        "invalid duration \"" + days + "\", the value is too large");
}

TEST_CASE("rate accepts words and durations", "[units]") {
  struct Case {
    std::string text;
    double count;
    double window_s;
  };
  const std::vector<Case> cases = {
      {"30/min", 30, 60},      {"10/10s", 10, 10},  {"3/day", 3, 86400},  {"22/min", 22, 60},   {"2/h", 2, 3600},
      {"100/24h", 100, 86400}, {"5/s", 5, 1},       {"1.5/min", 1.5, 60}, {"1/sec", 1, 1},      {"1/second", 1, 1},
      {"1/minute", 1, 60},     {"1/hour", 1, 3600}, {"4/1.5h", 4, 5400},  {"2/250ms", 2, 0.25},
  };
  for (const Case& expected : cases) {
    INFO("text: " << expected.text);
    const Rate rate = stormsim::parse_rate(expected.text);
    CHECK(rate.count == Approx(expected.count));
    CHECK(rate.window_s == Approx(expected.window_s));
  }
}

TEST_CASE("rate per_second divides count by window", "[units]") {
  CHECK(stormsim::parse_rate("30/min").per_second() == Approx(0.5));
  CHECK(stormsim::parse_rate("3/day").per_second() == Approx(3.0 / 86400));
  CHECK(stormsim::parse_rate("2/250ms").per_second() == Approx(8));
}

TEST_CASE("rate rejects a missing or non-positive count", "[units]") {
  const std::vector<std::string> cases = {"0/min", "0.0/min", "-1/min",  "30",     "",
                                          "/min",  "30 /min", "abc/min", "1e3/min"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_rate(text); }) ==
          "invalid rate \"" + text + "\", " + kRateExamples);
  }
}

TEST_CASE("rate rejects an unknown window", "[units]") {
  const std::vector<std::string> cases = {"5/week", "5/", "5/10x", "5/min/min", "5/-1s", "5/m", "5/ min", "5/MIN"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_rate(text); }) ==
          "invalid rate \"" + text + "\", " + kRateWindowExamples);
  }
}

TEST_CASE("rate rejects a zero window", "[units]") {
  CHECK(invalid_argument_message([] { stormsim::parse_rate("5/0s"); }) ==
        R"(invalid rate "5/0s", expected a window longer than zero)");
}

TEST_CASE("rate rejects a count too large", "[units]") {
  const std::string text = std::string(400, '9') + "/min";
  CHECK(invalid_argument_message([&] { stormsim::parse_rate(text); }) ==
        "invalid rate \"" + text + "\", the count is too large");
}

TEST_CASE("clock time accepts both forms", "[units]") {
  CHECK(stormsim::parse_clock_time("02:15") == 8100);
  CHECK(stormsim::parse_clock_time("02:15:30") == 8130);
  CHECK(stormsim::parse_clock_time("00:00") == 0);
  CHECK(stormsim::parse_clock_time("23:59:59") == 86399);
}

TEST_CASE("clock time rejects malformed text", "[units]") {
  const std::vector<std::string> cases = {"2:15",   "0215",   "02:15:3", "",           "02-15",
                                          " 02:15", "02:15 ", "02:1a",   "02:15:30:00"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_clock_time(text); }) ==
          "invalid clock time \"" + text + "\", " + kClockExamples);
  }
}

TEST_CASE("clock time rejects out-of-range fields", "[units]") {
  CHECK(invalid_argument_message([] { stormsim::parse_clock_time("24:00"); }) ==
        R"(invalid clock time "24:00", expected an hour from 00 to 23)");
  CHECK(invalid_argument_message([] { stormsim::parse_clock_time("02:60"); }) ==
        R"(invalid clock time "02:60", expected minutes from 00 to 59)");
  CHECK(invalid_argument_message([] { stormsim::parse_clock_time("02:15:60"); }) ==
        R"(invalid clock time "02:15:60", expected seconds from 00 to 59)");
}

TEST_CASE("date-time accepts all three forms", "[units]") {
  const DateTime full = stormsim::parse_date_time("2017-10-12T13:45:07");
  CHECK(full.year == 2017);
  CHECK(full.month == 10);
  CHECK(full.day == 12);
  CHECK(full.hour == 13);
  CHECK(full.minute == 45);
  CHECK(full.second == 7);

  const DateTime no_seconds = stormsim::parse_date_time("2017-10-12T08:30");
  CHECK(no_seconds.hour == 8);
  CHECK(no_seconds.minute == 30);
  CHECK(no_seconds.second == 0);

  const DateTime with_space = stormsim::parse_date_time("2017-10-12 08:30");
  CHECK(with_space.day == 12);
  CHECK(with_space.hour == 8);
  CHECK(with_space.minute == 30);

  const DateTime with_space_and_seconds = stormsim::parse_date_time("2017-10-12 08:30:15");
  CHECK(with_space_and_seconds.second == 15);
}

TEST_CASE("date-time accepts leap days", "[units]") {
  CHECK(stormsim::parse_date_time("2016-02-29T00:00").day == 29);
  CHECK(stormsim::parse_date_time("2000-02-29T00:00").day == 29);
  CHECK(stormsim::parse_date_time("0001-01-01T00:00").year == 1);
  CHECK(stormsim::parse_date_time("9999-12-31T23:59:59").year == 9999);
}

TEST_CASE("date-time rejects malformed text", "[units]") {
  const std::vector<std::string> cases = {
      "2017-10-12",           "2017-10-12T00:00Z", "17-10-12T00:00",  "2017/10/12T00:00",
      "2017-10-12X00:00",     "2017-10-12T0:00",   "2017-1-12T00:00", "",
      "2017-10-12T00:00:00.5"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_date_time(text); }) ==
          "invalid date-time \"" + text + "\", " + kDateTimeExamples);
  }
}

TEST_CASE("date-time rejects impossible dates", "[units]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2017-02-29T00:00", "expected a day from 01 to 28 in 2017-02"},
      {"1900-02-29T00:00", "expected a day from 01 to 28 in 1900-02"},
      {"2017-04-31T00:00", "expected a day from 01 to 30 in 2017-04"},
      {"2017-10-00T00:00", "expected a day from 01 to 31 in 2017-10"},
      {"2017-13-01T00:00", "expected a month from 01 to 12"},
      {"2017-00-01T00:00", "expected a month from 01 to 12"},
      {"0000-01-01T00:00", "expected a year from 0001 to 9999"},
      {"2017-10-12T24:00", "expected an hour from 00 to 23"},
      {"2017-10-12T23:60", "expected minutes from 00 to 59"},
      {"2017-10-12T23:59:60", "expected seconds from 00 to 59"},
  };
  for (const auto& [text, expectation] : cases) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_date_time(text); }) ==
          "invalid date-time \"" + text + "\", " + expectation);
  }
}

TEST_CASE("clock offset wraps past midnight", "[units]") {
  const DateTime start{2017, 10, 12, 22, 0, 0};
  CHECK(stormsim::seconds_until_clock(start, 2 * 3600 + 15 * 60) == 4 * 3600 + 15 * 60);
  CHECK(stormsim::seconds_until_clock(start, 22 * 3600) == 0);
  CHECK(stormsim::seconds_until_clock(start, 23 * 3600) == 3600);
  CHECK(stormsim::seconds_until_clock(start, 21 * 3600 + 59 * 60) == 86400 - 60);
}

TEST_CASE("clock offset rejects clock values out of range", "[units]") {
  const DateTime start{2017, 10, 12, 0, 0, 0};
  CHECK_THROWS_AS(stormsim::seconds_until_clock(start, 86400), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::seconds_until_clock(start, -1), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::seconds_until_clock(start, std::nan("")), std::invalid_argument);
}

TEST_CASE("time point accepts clock, date-time and offset", "[units]") {
  const DateTime start{2017, 10, 12, 22, 0, 0};
  CHECK(stormsim::parse_time_point("02:15", start) == 15300);
  CHECK(stormsim::parse_time_point("22:00:30", start) == 30);
  CHECK(stormsim::parse_time_point("+90m", start) == 5400);
  CHECK(stormsim::parse_time_point("+0s", start) == 0);
  CHECK(stormsim::parse_time_point("2017-10-13T02:15:00", start) == 15300);
  CHECK(stormsim::parse_time_point("2017-10-12T22:00", start) == 0);
  CHECK(stormsim::parse_time_point("2018-10-12T22:00", start) == 365.0 * 86400);
}

TEST_CASE("time point rejects a date-time before the start", "[units]") {
  const DateTime start{2017, 10, 12, 22, 0, 0};
  CHECK(invalid_argument_message([&] { stormsim::parse_time_point("2017-10-12T21:59:59", start); }) ==
        R"(invalid time "2017-10-12T21:59:59", expected a date-time at or after the scenario start )"
        R"(2017-10-12T22:00:00)");
}

TEST_CASE("time point rejects malformed text", "[units]") {
  const DateTime start{2017, 10, 12, 22, 0, 0};
  for (const std::string text : {"tomorrow", "", "90m", "now"}) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_time_point(text, start); }) ==
          "invalid time \"" + text + "\", " + kTimeExamples);
  }
  for (const std::string text : {"+5 mins", "+-5m", "+", "+5"}) {
    INFO("text: " << text);
    CHECK(invalid_argument_message([&] { stormsim::parse_time_point(text, start); }) ==
          "invalid time \"" + text + R"(", expected "+" followed by a duration such as "+90s", "+10m" or "+4h")");
  }
}

TEST_CASE("time point passes on clock and date errors", "[units]") {
  const DateTime start{2017, 10, 12, 22, 0, 0};
  CHECK(invalid_argument_message([&] { stormsim::parse_time_point("25:00", start); }) ==
        R"(invalid clock time "25:00", expected an hour from 00 to 23)");
  CHECK(invalid_argument_message([&] { stormsim::parse_time_point("2017-02-30T00:00", start); }) ==
        R"(invalid date-time "2017-02-30T00:00", expected a day from 01 to 28 in 2017-02)");
}

TEST_CASE("date-time formatting adds the offset", "[units]") {
  const DateTime evening{2017, 10, 12, 22, 0, 0};
  CHECK(stormsim::format_date_time(evening, 0) == "2017-10-12T22:00:00");
  CHECK(stormsim::format_date_time(evening, 15300) == "2017-10-13T02:15:00");
  CHECK(stormsim::format_date_time(evening, 59.9) == "2017-10-12T22:00:59");

  const DateTime midnight{2017, 10, 12, 0, 0, 0};
  CHECK(stormsim::format_date_time(midnight, 365.0 * 86400) == "2018-10-12T00:00:00");
  CHECK(stormsim::format_date_time(midnight, -1) == "2017-10-11T23:59:59");
  CHECK(stormsim::format_date_time(midnight, -0.5) == "2017-10-11T23:59:59");
  CHECK(stormsim::format_date_time(DateTime{1970, 1, 1, 0, 0, 0}, 1e9) == "2001-09-09T01:46:40");
  CHECK(stormsim::format_date_time(DateTime{1, 1, 1, 0, 0, 0}, 0) == "0001-01-01T00:00:00");
}

TEST_CASE("date-time formatting crosses month and year ends", "[units]") {
  CHECK(stormsim::format_date_time(DateTime{2017, 10, 31, 23, 0, 0}, 3600) == "2017-11-01T00:00:00");
  CHECK(stormsim::format_date_time(DateTime{2017, 12, 31, 23, 59, 59}, 1) == "2018-01-01T00:00:00");
  CHECK(stormsim::format_date_time(DateTime{2016, 2, 28, 12, 0, 0}, 86400) == "2016-02-29T12:00:00");
  CHECK(stormsim::format_date_time(DateTime{2017, 2, 28, 12, 0, 0}, 86400) == "2017-03-01T12:00:00");
  CHECK(stormsim::format_date_time(DateTime{2100, 2, 28, 0, 0, 0}, 86400) == "2100-03-01T00:00:00");
  CHECK(stormsim::format_date_time(DateTime{2000, 2, 28, 0, 0, 0}, 86400) == "2000-02-29T00:00:00");
  CHECK(stormsim::format_date_time(DateTime{2016, 12, 31, 0, 0, 0}, 0) == "2016-12-31T00:00:00");
}

TEST_CASE("date-time formatting absorbs rounding error", "[units]") {
  const DateTime midnight{2017, 10, 12, 0, 0, 0};
  CHECK(stormsim::format_date_time(midnight, 8099.9999999) == "2017-10-12T02:15:00");
  CHECK(stormsim::format_date_time(midnight, 8099.99) == "2017-10-12T02:14:59");
}

TEST_CASE("date-time formatting rejects offsets out of range", "[units]") {
  const DateTime midnight{2017, 10, 12, 0, 0, 0};
  CHECK_THROWS_AS(stormsim::format_date_time(midnight, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::format_date_time(midnight, std::numeric_limits<double>::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::format_date_time(midnight, 1e13), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::format_date_time(DateTime{9999, 12, 31, 23, 59, 59}, 1), std::invalid_argument);
  CHECK_THROWS_AS(stormsim::format_date_time(DateTime{1, 1, 1, 0, 0, 0}, -1), std::invalid_argument);
}

TEST_CASE("duration formatting picks compact units", "[units]") {
  const std::vector<std::pair<double, std::string>> cases = {
      {0, "0s"},          {0.25, "250ms"},   {0.75, "750ms"},  {0.9994, "999ms"},   {0.0004, "0s"},
      {0.9996, "1s"},     {45, "45s"},       {59.4, "59s"},    {59.6, "1m00s"},     {750, "12m30s"},
      {3599.4, "59m59s"}, {3599.6, "1h00m"}, {11100, "3h05m"}, {11130, "3h06m"},    {86399, "1d00h"},
      {187200, "2d04h"},  {-750, "-12m30s"}, {-0.0001, "0s"},  {1e19, "1.16e+14d"},
  };
  for (const auto& [seconds, text] : cases) {
    INFO("seconds: " << seconds);
    CHECK(stormsim::format_duration(seconds) == text);
  }
}

TEST_CASE("duration formatting names non-finite values", "[units]") {
  CHECK(stormsim::format_duration(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(stormsim::format_duration(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(stormsim::format_duration(std::nan("")) == "nan");
}
