#include "expr/Value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace dantoc::expr {

Value Value::boolean(bool b)
{
    Value v;
    v.m_data = b;
    return v;
}

Value Value::number(double d)
{
    Value v;
    v.m_data = d;
    return v;
}

Value Value::text(std::string s)
{
    Value v;
    v.m_data = std::move(s);
    return v;
}

Value Value::date(Date d)
{
    Value v;
    v.m_data = d;
    return v;
}

Value Value::list(List items)
{
    Value v;
    v.m_data = std::move(items);
    return v;
}

bool operator==(const Value& a, const Value& b)
{
    // variant's == compares doubles with ==, so NaN != NaN and 0.0 == -0.0, as numbers should.
    return a.m_data == b.m_data;
}

std::string formatNumber(double d)
{
    if (std::isnan(d)) {
        return "nan";
    }
    if (std::isinf(d)) {
        return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
        return "0";  // also for -0
    }
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
    return std::string(buffer, result.ptr);
}

namespace {

void appendQuoted(std::string& out, const std::string& text)
{
    out.push_back('"');
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += hex;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void appendValue(std::string& out, const Value& value)
{
    switch (value.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += value.asBool() ? "true" : "false"; break;
    case Value::Kind::Number: out += formatNumber(value.asNumber()); break;
    case Value::Kind::Text: appendQuoted(out, value.asText()); break;
    case Value::Kind::Date: out += formatIsoDate(value.asDate()); break;
    case Value::Kind::List: {
        out.push_back('[');
        bool first = true;
        for (const Value& item : value.asList()) {
            if (!first) {
                out += ", ";
            }
            first = false;
            appendValue(out, item);
        }
        out.push_back(']');
        break;
    }
    }
}

}  // namespace

std::string Value::toString() const
{
    std::string out;
    appendValue(out, *this);
    return out;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar, including
// dates before 1970 (negative day counts). Callers keep years within [kMinYear, kMaxYear] so nothing overflows.
Date dateFromCivil(int year, unsigned month, unsigned day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = month > 2 ? month - 3 : month + 9;
    const unsigned doy = (153 * mp + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{static_cast<std::int32_t>(era * 146097 + static_cast<int>(doe) - 719468)};
}

void civilFromDate(Date date, int& year, unsigned& month, unsigned& day)
{
    const std::int64_t z = static_cast<std::int64_t>(date.days) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(y + (month <= 2 ? 1 : 0));
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(int year, unsigned month)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool makeDate(double year, double month, double day, Date& out)
{
    if (!(year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 && day <= 31)) {
        return false;  // also rejects NaN
    }
    if (year != std::trunc(year) || month != std::trunc(month) || day != std::trunc(day)) {
        return false;
    }
    const int y = static_cast<int>(year);
    const auto m = static_cast<unsigned>(month);
    const auto d = static_cast<unsigned>(day);
    if (d > daysInMonth(y, m)) {
        return false;
    }
    out = dateFromCivil(y, m, d);
    return true;
}

bool isDateInRange(double days)
{
    static const double kMin = dateFromCivil(kMinYear, 1, 1).days;
    static const double kMax = dateFromCivil(kMaxYear, 12, 31).days;
    return days >= kMin && days <= kMax;
}

bool parseIsoDate(const std::string& text, Date& out)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < lengths[p]; ++i) {
            const char c = text[static_cast<std::size_t>(starts[p] + i)];
            if (c < '0' || c > '9') {
                return false;
            }
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    return makeDate(parts[0], parts[1], parts[2], out);
}

std::string formatIsoDate(Date date)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDate(date, year, month, day);
    char buffer[32];
    if (year >= 0 && year <= 9999) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    } else {
        std::snprintf(buffer, sizeof buffer, "%d-%02u-%02u", year, month, day);
    }
    return buffer;
}

}  // namespace dantoc::expr
