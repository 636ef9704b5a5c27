// Value: what an expression evaluates to. null (unanswered / not computable), boolean, number (double),
// text (UTF-8), date (days since 1970-01-01) or a list (a roster column, or the codes of a choices-many field).
// Immutable value type; safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace dantoc::expr {

struct Date {
    std::int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)
    friend bool operator==(Date, Date) = default;
    friend auto operator<=>(Date, Date) = default;
};

class Value
{
public:
    enum class Kind { Null, Bool, Number, Text, Date, List };
    using List = std::vector<Value>;

    Value() = default;  // null
    static Value null() { return {}; }
    static Value boolean(bool b);
    static Value number(double d);
    static Value text(std::string s);
    static Value date(Date d);
    static Value list(List items);

    Kind kind() const { return static_cast<Kind>(m_data.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isNumber() const { return kind() == Kind::Number; }
    bool isText() const { return kind() == Kind::Text; }
    bool isDate() const { return kind() == Kind::Date; }
    bool isList() const { return kind() == Kind::List; }

    // Accessors: precondition is the matching kind (inline: they are on the evaluator's hot path).
    bool asBool() const { return std::get<bool>(m_data); }
    double asNumber() const { return std::get<double>(m_data); }
    const std::string& asText() const { return std::get<std::string>(m_data); }
    Date asDate() const { return std::get<Date>(m_data); }
    const List& asList() const { return std::get<List>(m_data); }

    // Structural equality (numbers compare by value, lists element-wise). This is C++ equality; the language's
    // `=` adds null semantics on top (see Evaluator).
    friend bool operator==(const Value& a, const Value& b);
    // For messages and debugging: null, true, 12.5, "text", 2024-07-01, [1, 2].
    std::string toString() const;

private:
    std::variant<std::monostate, bool, double, std::string, Date, List> m_data;
};

// Shortest text that reads back as the same double: 12, 3.5, 0.1, -7, 1e+300 ("nan"/"inf" never come from an
// expression, which turns non-finite results into null).
std::string formatNumber(double d);

// Civil-date helpers used by the evaluator and by form parsing ("2024-07-01"). The expression language keeps
// dates within years kMinYear..kMaxYear; anything outside is null.
inline constexpr int kMinYear = 0;
inline constexpr int kMaxYear = 9999;
Date dateFromCivil(int year, unsigned month, unsigned day);  // precondition: a real day within the year range
void civilFromDate(Date date, int& year, unsigned& month, unsigned& day);  // total for every Date
bool isLeapYear(int year);
unsigned daysInMonth(int year, unsigned month);  // 0 for a month outside 1..12
// A real calendar day from (possibly non-integral, NaN or huge) numbers; false if not one or out of range.
bool makeDate(double year, double month, double day, Date& out);
// Whether a day count lies within 0000-01-01..9999-12-31.
bool isDateInRange(double days);
// Parses strict ISO "YYYY-MM-DD"; false if malformed or not a real calendar day.
bool parseIsoDate(const std::string& text, Date& out);
std::string formatIsoDate(Date date);

}  // namespace dantoc::expr
