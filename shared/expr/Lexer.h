// Lexer: splits expression source (valid UTF-8, at most kMaxSourceBytes) into tokens. Private to the expr
// module; a Lexer is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::expr {

enum class TokenKind : std::uint8_t {
    Number,
    String,
    Name,     // a field path: name or name.column (dots inside, no spaces)
    RowName,  // .column or current.column; text holds "column"
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Eq,  // = ==
    Ne,  // != <>
    Lt,
    Le,
    Gt,
    Ge,
    And,  // and &&
    Or,   // or ||
    Not,  // not !
    In,
    True,
    False,
    Null,
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::size_t offset = 0;  // byte offset of the first character
    std::size_t length = 0;  // bytes of source
    std::string text;        // String: the decoded text; Name/RowName: the path
    double number = 0;
};

struct LexError {
    std::size_t offset = 0;
    std::string message;
};

// Tokenizes all of `source` (ending with an End token). False with `error` filled on the first bad character.
bool tokenize(std::string_view source, std::vector<Token>& tokens, LexError& error);

// Words that cannot be field names.
bool isReservedWord(std::string_view word);

// How a token is named in "expected X but found Y" messages: "end of input", "')'", "name 'abc'"...
std::string describeToken(const Token& token, std::string_view source);

}  // namespace dantoc::expr
