#include "expr/Lexer.h"

#include "expr/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <initializer_list>

namespace dantoc::expr {

namespace {

// Joins pieces with append(): `"'" + std::string(...)` trips GCC 12's false -Wrestrict at -O3.
std::string concat(std::initializer_list<std::string_view> pieces)
{
    std::string out;
    for (std::string_view piece : pieces) {
        out.append(piece);
    }
    return out;
}


bool isIdentStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

struct Keyword {
    std::string_view word;
    TokenKind kind;
};

constexpr Keyword kKeywords[] = {
    {"and", TokenKind::And},   {"or", TokenKind::Or},       {"not", TokenKind::Not},   {"in", TokenKind::In},
    {"true", TokenKind::True}, {"false", TokenKind::False}, {"null", TokenKind::Null},
};

// The character at `offset` for messages: 'x', or U+0007 for control characters, or the UTF-8 sequence.
std::string describeChar(std::string_view source, std::size_t offset)
{
    const auto c = static_cast<unsigned char>(source[offset]);
    if (c < 0x20 || c == 0x7F) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
        return buffer;
    }
    std::size_t end = offset + 1;
    while (end < source.size() && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80) {
        ++end;
    }
    return concat({"'", source.substr(offset, end - offset), "'"});
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

class Lexer
{
public:
    Lexer(std::string_view source, std::vector<Token>& tokens, LexError& error)
        : m_source(source), m_tokens(tokens), m_error(error)
    {
    }

    bool run()
    {
        while (true) {
            skipSpace();
            if (m_pos >= m_source.size()) {
                Token end;
                end.offset = m_pos;
                m_tokens.push_back(std::move(end));
                return true;
            }
            if (!next()) {
                return false;
            }
        }
    }

private:
    void skipSpace()
    {
        while (m_pos < m_source.size()) {
            const char c = m_source[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            ++m_pos;
        }
    }

    bool fail(std::size_t offset, std::string message)
    {
        m_error.offset = offset;
        m_error.message = std::move(message);
        return false;
    }

    char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_source.size() ? m_source[m_pos + ahead] : '\0';
    }

    void emit(TokenKind kind, std::size_t start, std::string text = {}, double number = 0)
    {
        Token token;
        token.kind = kind;
        token.offset = start;
        token.length = m_pos - start;
        token.text = std::move(text);
        token.number = number;
        m_tokens.push_back(std::move(token));
    }

    // name(.name)* starting at m_pos (an identifier start); false on "a." without a name after the dot.
    bool readPath(std::string& path)
    {
        while (true) {
            const std::size_t start = m_pos;
            while (m_pos < m_source.size() && isIdentChar(m_source[m_pos])) {
                ++m_pos;
            }
            const std::string_view segment = m_source.substr(start, m_pos - start);
            if (isReservedWord(segment) && !path.empty()) {
                return fail(start, concat({"'", segment, "' is a reserved word and cannot be a column name"}));
            }
            path += segment;
            if (peek() != '.') {
                return true;
            }
            if (!isIdentStart(peek(1))) {
                return fail(m_pos + 1, "expected a column name after '.'");
            }
            path.push_back('.');
            ++m_pos;
        }
    }

    bool next()
    {
        const std::size_t start = m_pos;
        const char c = m_source[m_pos];
        if (isIdentStart(c)) {
            std::string path;
            if (!readPath(path)) {
                return false;
            }
            for (const Keyword& keyword : kKeywords) {
                if (path == keyword.word) {
                    emit(keyword.kind, start);
                    return true;
                }
            }
            if (path == "current") {
                return fail(start, "'current' must be followed by a column name: current.column");
            }
            const std::string first = path.substr(0, path.find('.'));
            if (first != path && first != "current" && isReservedWord(first)) {
                return fail(start, "'" + first + "' is a reserved word and cannot be a roster name");
            }
            if (path.rfind("current.", 0) == 0) {
                emit(TokenKind::RowName, start, path.substr(8));
            } else {
                emit(TokenKind::Name, start, std::move(path));
            }
            return true;
        }
        if (c == '.') {
            if (isDigit(peek(1))) {
                return fail(start, "a number must start with a digit: write 0.5, not .5");
            }
            if (!isIdentStart(peek(1))) {
                return fail(start + 1, "expected a column name after '.'");
            }
            ++m_pos;
            std::string path;
            if (!readPath(path)) {
                return false;
            }
            emit(TokenKind::RowName, start, std::move(path));
            return true;
        }
        if (isDigit(c)) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        ++m_pos;
        switch (c) {
        case '(': emit(TokenKind::LParen, start); return true;
        case ')': emit(TokenKind::RParen, start); return true;
        case ',': emit(TokenKind::Comma, start); return true;
        case '+': emit(TokenKind::Plus, start); return true;
        case '-': emit(TokenKind::Minus, start); return true;
        case '*': emit(TokenKind::Star, start); return true;
        case '/': emit(TokenKind::Slash, start); return true;
        case '%': emit(TokenKind::Percent, start); return true;
        case '=':
            if (peek() == '=') {
                ++m_pos;
            }
            emit(TokenKind::Eq, start);
            return true;
        case '!':
            if (peek() == '=') {
                ++m_pos;
                emit(TokenKind::Ne, start);
            } else {
                emit(TokenKind::Not, start);
            }
            return true;
        case '<':
            if (peek() == '=') {
                ++m_pos;
                emit(TokenKind::Le, start);
            } else if (peek() == '>') {
                ++m_pos;
                emit(TokenKind::Ne, start);
            } else {
                emit(TokenKind::Lt, start);
            }
            return true;
        case '>':
            if (peek() == '=') {
                ++m_pos;
                emit(TokenKind::Ge, start);
            } else {
                emit(TokenKind::Gt, start);
            }
            return true;
        case '&':
            if (peek() == '&') {
                ++m_pos;
                emit(TokenKind::And, start);
                return true;
            }
            return fail(start, "unexpected character '&' (write 'and' or '&&')");
        case '|':
            if (peek() == '|') {
                ++m_pos;
                emit(TokenKind::Or, start);
                return true;
            }
            return fail(start, "unexpected character '|' (write 'or' or '||')");
        default: return fail(start, "unexpected character " + describeChar(m_source, start));
        }
    }

    bool number(std::size_t start)
    {
        while (isDigit(peek())) {
            ++m_pos;
        }
        if (peek() == '.') {
            if (!isDigit(peek(1))) {
                return fail(m_pos + 1, "expected a digit after the decimal point");
            }
            ++m_pos;
            while (isDigit(peek())) {
                ++m_pos;
            }
        }
        if (isIdentStart(peek())) {
            return fail(m_pos, "unexpected " + describeChar(m_source, m_pos) + " after a number");
        }
        double value = 0;
        const char* first = m_source.data() + start;
        const char* last = m_source.data() + m_pos;
        const auto result = std::from_chars(first, last, value);
        if (result.ec != std::errc() || result.ptr != last || !std::isfinite(value)) {
            return fail(start, "number too large");
        }
        emit(TokenKind::Number, start, {}, value);
        return true;
    }

    bool string(std::size_t start, char quote)
    {
        ++m_pos;
        std::string text;
        while (true) {
            if (m_pos >= m_source.size()) {
                return fail(start, "unterminated string (missing closing " + std::string(1, quote) + ")");
            }
            const char c = m_source[m_pos];
            if (c == quote) {
                ++m_pos;
                emit(TokenKind::String, start, std::move(text));
                return true;
            }
            if (c != '\\') {
                text.push_back(c);
                ++m_pos;
                continue;
            }
            const std::size_t escape = m_pos;
            const char e = peek(1);
            m_pos += 2;
            switch (e) {
            case '\\': text.push_back('\\'); break;
            case '\'': text.push_back('\''); break;
            case '"': text.push_back('"'); break;
            case 'n': text.push_back('\n'); break;
            case 't': text.push_back('\t'); break;
            case 'r': text.push_back('\r'); break;
            case 'u': {
                char32_t cp = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(peek());
                    if (h < 0) {
                        return fail(escape, "expected four hex digits after \\u");
                    }
                    cp = cp * 16 + static_cast<char32_t>(h);
                    ++m_pos;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    return fail(escape, "\\u escape of a surrogate is not a character");
                }
                utf8::append(text, cp);
                break;
            }
            default:
                if (escape + 1 >= m_source.size()) {
                    return fail(start, "unterminated string (missing closing " + std::string(1, quote) + ")");
                }
                // Any other backslash is kept as written, so regex patterns read naturally: '\d{9}', '\p{L}+'.
                m_pos = escape + 1;
                text.push_back('\\');
                break;
            }
        }
    }

    std::string_view m_source;
    std::vector<Token>& m_tokens;
    LexError& m_error;
    std::size_t m_pos = 0;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>& tokens, LexError& error)
{
    tokens.clear();
    return Lexer(source, tokens, error).run();
}

bool isReservedWord(std::string_view word)
{
    for (const Keyword& keyword : kKeywords) {
        if (word == keyword.word) {
            return true;
        }
    }
    return word == "current";
}

std::string describeToken(const Token& token, std::string_view source)
{
    switch (token.kind) {
    case TokenKind::End: return "end of input";
    case TokenKind::Number: return concat({"number ", source.substr(token.offset, token.length)});
    case TokenKind::String: return concat({"string ", source.substr(token.offset, token.length)});
    case TokenKind::Name: return concat({"name '", token.text, "'"});
    default: return concat({"'", source.substr(token.offset, token.length), "'"});
    }
}

}  // namespace dantoc::expr
