#include "expr/Parser.h"

#include "expr/Functions.h"
#include "expr/Lexer.h"
#include "expr/Utf8.h"

#include <re2/re2.h>

#include <algorithm>

namespace dantoc::expr {

namespace {

std::unique_ptr<Node> makeNode(NodeKind kind)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    return node;
}

class Parser
{
public:
    Parser(std::string_view source, std::vector<Token>& tokens, ParseOutput& out)
        : m_source(source), m_tokens(tokens), m_out(out)
    {
    }

    // Returns false with m_errorOffset / m_errorMessage set.
    bool run()
    {
        auto root = parseExpression();
        if (!root) {
            return false;
        }
        if (peek().kind != TokenKind::End) {
            return fail(peek(), "expected an operator or end of input but found " + describe(peek()));
        }
        m_out.root = std::move(root);
        std::sort(m_out.references.begin(), m_out.references.end());
        m_out.references.erase(std::unique(m_out.references.begin(), m_out.references.end()),
                               m_out.references.end());
        return true;
    }

    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string& errorMessage() const { return m_errorMessage; }

private:
    using NodePtr = std::unique_ptr<Node>;

    // Counts nesting while a parse function is active; the limit bounds the recursion of parser and evaluator.
    class DepthGuard
    {
    public:
        explicit DepthGuard(Parser& parser) : m_parser(parser) { ++m_parser.m_depth; }
        ~DepthGuard() { --m_parser.m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
        bool ok() const { return m_parser.m_depth <= kMaxNesting; }

    private:
        Parser& m_parser;
    };

    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& take() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }
    bool accept(TokenKind kind)
    {
        if (peek().kind == kind) {
            take();
            return true;
        }
        return false;
    }

    std::string describe(const Token& token) const { return describeToken(token, m_source); }

    bool fail(const Token& at, std::string message)
    {
        return failAt(at.offset, std::move(message));
    }

    bool failAt(std::size_t offset, std::string message)
    {
        if (m_errorMessage.empty()) {
            m_errorOffset = offset;
            m_errorMessage = std::move(message);
        }
        return false;
    }

    bool expect(TokenKind kind, std::string_view what)
    {
        if (accept(kind)) {
            return true;
        }
        return fail(peek(), "expected " + std::string(what) + " but found " + describe(peek()));
    }

    static bool isComparison(TokenKind kind)
    {
        return kind == TokenKind::Eq || kind == TokenKind::Ne || kind == TokenKind::Lt || kind == TokenKind::Le ||
               kind == TokenKind::Gt || kind == TokenKind::Ge || kind == TokenKind::In;
    }

    NodePtr parseExpression()
    {
        DepthGuard guard(*this);
        if (!guard.ok()) {
            fail(peek(), "expression nested too deeply (more than " + std::to_string(kMaxNesting) + " levels)");
            return nullptr;
        }
        return parseLogical(TokenKind::Or);
    }

    // or: and (or and)*   and: not (and not)*
    NodePtr parseLogical(TokenKind op)
    {
        auto first = op == TokenKind::Or ? parseLogical(TokenKind::And) : parseNot();
        if (!first || peek().kind != op) {
            return first;
        }
        auto node = makeNode(op == TokenKind::Or ? NodeKind::Or : NodeKind::And);
        node->children.push_back(std::move(first));
        while (accept(op)) {
            auto next = op == TokenKind::Or ? parseLogical(TokenKind::And) : parseNot();
            if (!next) {
                return nullptr;
            }
            node->children.push_back(std::move(next));
        }
        return node;
    }

    // `not` binds looser than comparisons: `not a = b` is `not (a = b)`.
    NodePtr parseNot()
    {
        if (peek().kind != TokenKind::Not) {
            return parseComparison();
        }
        take();
        DepthGuard guard(*this);
        if (!guard.ok()) {
            fail(peek(), "expression nested too deeply (more than " + std::to_string(kMaxNesting) + " levels)");
            return nullptr;
        }
        auto operand = parseNot();
        if (!operand) {
            return nullptr;
        }
        auto node = makeNode(NodeKind::Not);
        node->children.push_back(std::move(operand));
        return node;
    }

    NodePtr parseComparison()
    {
        auto left = parseAdditive();
        if (!left || !isComparison(peek().kind)) {
            return left;
        }
        const Token& opToken = take();
        if (opToken.kind == TokenKind::In) {
            auto node = makeNode(NodeKind::In);
            node->children.push_back(std::move(left));
            if (!parseInList(*node)) {
                return nullptr;
            }
            if (isComparison(peek().kind)) {
                fail(peek(), "comparisons cannot be chained; combine them with 'and'");
                return nullptr;
            }
            return node;
        }
        auto right = parseAdditive();
        if (!right) {
            return nullptr;
        }
        if (isComparison(peek().kind)) {
            fail(peek(), "comparisons cannot be chained; combine them with 'and'");
            return nullptr;
        }
        Op op = Op::Eq;
        switch (opToken.kind) {
        case TokenKind::Eq: op = Op::Eq; break;
        case TokenKind::Ne: op = Op::Ne; break;
        case TokenKind::Lt: op = Op::Lt; break;
        case TokenKind::Le: op = Op::Le; break;
        case TokenKind::Gt: op = Op::Gt; break;
        default: op = Op::Ge; break;
        }
        // `x = null` / `x != null` test for null (the only comparison that is never null itself).
        if ((op == Op::Eq || op == Op::Ne) && isNullLiteral(*right)) {
            return nullTest(op, std::move(left));
        }
        if ((op == Op::Eq || op == Op::Ne) && isNullLiteral(*left)) {
            return nullTest(op, std::move(right));
        }
        auto node = makeNode(NodeKind::Compare);
        node->op = op;
        node->children.push_back(std::move(left));
        node->children.push_back(std::move(right));
        return node;
    }

    static bool isNullLiteral(const Node& node) { return node.kind == NodeKind::Literal && node.value.isNull(); }

    NodePtr nullTest(Op op, NodePtr operand)
    {
        auto node = makeNode(NodeKind::NullTest);
        node->op = op;
        node->children.push_back(std::move(operand));
        return node;
    }

    // x in (a, b, c)  or  x in roster.column
    bool parseInList(Node& node)
    {
        if (peek().kind != TokenKind::LParen) {
            auto item = parseAdditive();
            if (!item) {
                return false;
            }
            node.children.push_back(std::move(item));
            return true;
        }
        take();
        do {
            auto item = parseExpression();
            if (!item) {
                return false;
            }
            node.children.push_back(std::move(item));
        } while (accept(TokenKind::Comma));
        return expect(TokenKind::RParen, "',' or ')'");
    }

    NodePtr parseAdditive() { return parseChain(true); }

    // Left-associative chains are one n-ary node, so `a + b + ... + z` does not deepen the tree.
    NodePtr parseChain(bool additive)
    {
        auto first = additive ? parseChain(false) : parseUnary();
        if (!first) {
            return nullptr;
        }
        NodePtr chain;
        while (true) {
            Op op = Op::Add;
            const TokenKind kind = peek().kind;
            if (additive && kind == TokenKind::Plus) {
                op = Op::Add;
            } else if (additive && kind == TokenKind::Minus) {
                op = Op::Sub;
            } else if (!additive && kind == TokenKind::Star) {
                op = Op::Mul;
            } else if (!additive && kind == TokenKind::Slash) {
                op = Op::Div;
            } else if (!additive && kind == TokenKind::Percent) {
                op = Op::Mod;
            } else {
                break;
            }
            take();
            auto next = additive ? parseChain(false) : parseUnary();
            if (!next) {
                return nullptr;
            }
            if (!chain) {
                chain = makeNode(NodeKind::Arithmetic);
                chain->children.push_back(std::move(first));
            }
            chain->ops.push_back(op);
            chain->children.push_back(std::move(next));
        }
        return chain ? std::move(chain) : std::move(first);
    }

    NodePtr parseUnary()
    {
        const TokenKind kind = peek().kind;
        if (kind != TokenKind::Minus && kind != TokenKind::Plus && kind != TokenKind::Not) {
            return parsePrimary();
        }
        if (kind == TokenKind::Not) {
            return parseNot();  // `a = not b` reads as `a = (not b)`
        }
        take();
        DepthGuard guard(*this);
        if (!guard.ok()) {
            fail(peek(), "expression nested too deeply (more than " + std::to_string(kMaxNesting) + " levels)");
            return nullptr;
        }
        auto operand = parseUnary();
        if (!operand || kind == TokenKind::Plus) {
            return operand;
        }
        if (operand->kind == NodeKind::Literal && operand->value.isNumber()) {
            operand->value = Value::number(-operand->value.asNumber());  // -5 is a literal
            return operand;
        }
        auto node = makeNode(NodeKind::Negate);
        node->children.push_back(std::move(operand));
        return node;
    }

    NodePtr literal(Value value)
    {
        auto node = makeNode(NodeKind::Literal);
        node->value = std::move(value);
        return node;
    }

    NodePtr parsePrimary()
    {
        const Token& token = peek();
        switch (token.kind) {
        case TokenKind::Number: take(); return literal(Value::number(token.number));
        case TokenKind::String: take(); return literal(Value::text(token.text));
        case TokenKind::True: take(); return literal(Value::boolean(true));
        case TokenKind::False: take(); return literal(Value::boolean(false));
        case TokenKind::Null: take(); return literal(Value::null());
        case TokenKind::RowName: {
            take();
            auto node = makeNode(NodeKind::RowField);
            node->path = token.text;
            m_out.references.push_back("." + token.text);
            return node;
        }
        case TokenKind::Name:
            take();
            if (peek().kind == TokenKind::LParen) {
                return parseCall(token);
            }
            {
                auto node = makeNode(NodeKind::Field);
                node->path = token.text;
                m_out.references.push_back(token.text);
                return node;
            }
        case TokenKind::LParen: {
            take();
            auto inner = parseExpression();
            if (!inner || !expect(TokenKind::RParen, "')'")) {
                return nullptr;
            }
            return inner;
        }
        default:
            fail(token, "expected an expression but found " + describe(token));
            return nullptr;
        }
    }

    NodePtr parseCall(const Token& name)
    {
        const FunctionInfo* info = findFunction(name.text);
        if (info == nullptr) {
            fail(name, "unknown function '" + name.text + "'");
            return nullptr;
        }
        take();  // (
        auto node = makeNode(NodeKind::Call);
        node->func = info->func;
        if (info->func == Func::Prev) {
            return parsePrev(std::move(node), name);
        }
        if (peek().kind != TokenKind::RParen) {
            do {
                auto argument = parseExpression();
                if (!argument) {
                    return nullptr;
                }
                node->children.push_back(std::move(argument));
            } while (accept(TokenKind::Comma));
        }
        if (!expect(TokenKind::RParen, node->children.empty() ? "')'" : "',' or ')'")) {
            return nullptr;
        }
        const int count = static_cast<int>(node->children.size());
        if (count < info->minArgs || (info->maxArgs >= 0 && count > info->maxArgs)) {
            fail(name, arityMessage(*info, count));
            return nullptr;
        }
        if (info->func == Func::Date && count == 2) {
            fail(name, "date() takes 1 or 3 arguments, found 2");
            return nullptr;
        }
        if (!foldLiterals(*node, name)) {
            return nullptr;
        }
        return node;
    }

    static std::string arityMessage(const FunctionInfo& info, int count)
    {
        std::string expected;
        if (info.maxArgs < 0) {
            expected = "at least " + std::to_string(info.minArgs);
        } else if (info.minArgs == info.maxArgs) {
            expected = std::to_string(info.minArgs);
        } else {
            expected = std::to_string(info.minArgs) + " or " + std::to_string(info.maxArgs);
        }
        const bool one = info.minArgs == 1 && (info.maxArgs == 1 || info.maxArgs < 0);
        return std::string(info.name) + "() takes " + expected + (one ? " argument" : " arguments") + ", found " +
               std::to_string(count);
    }

    // prev(field) / prev(.column): the argument must be a field reference.
    NodePtr parsePrev(NodePtr node, const Token& name)
    {
        const Token& argument = peek();
        if (argument.kind != TokenKind::Name && argument.kind != TokenKind::RowName) {
            fail(argument, "prev() takes a field name, found " + describe(argument));
            return nullptr;
        }
        take();
        if (peek().kind == TokenKind::LParen) {
            fail(argument, "prev() takes a field name, not a function call");
            return nullptr;
        }
        node->path = argument.kind == TokenKind::RowName ? "." + argument.text : argument.text;
        if (!expect(TokenKind::RParen, "')'")) {
            return nullptr;
        }
        (void)name;
        m_out.references.push_back("prev:" + node->path);
        return node;
    }

    // Checks what can be checked at load time: date('...') literals and regex() literal patterns.
    bool foldLiterals(Node& node, const Token& name)
    {
        if (node.func == Func::Date && node.children.size() == 1 && node.children[0]->kind == NodeKind::Literal &&
            node.children[0]->value.isText()) {
            Date date;
            if (!parseIsoDate(node.children[0]->value.asText(), date)) {
                return fail(name, "date() needs a real day written YYYY-MM-DD, found " +
                                      node.children[0]->value.toString());
            }
            node.kind = NodeKind::Literal;
            node.value = Value::date(date);
            node.children.clear();
            return true;
        }
        if (node.func == Func::Regex && node.children[1]->kind == NodeKind::Literal &&
            node.children[1]->value.isText()) {
            const std::string& pattern = node.children[1]->value.asText();
            if (pattern.size() > kMaxPatternBytes) {
                return fail(name, "regular expression longer than " + std::to_string(kMaxPatternBytes) + " bytes");
            }
            RE2::Options options;
            options.set_log_errors(false);
            options.set_max_mem(kMaxRegexMemory);
            auto regex = std::make_shared<const RE2>(pattern, options);
            if (!regex->ok()) {
                return fail(name, "invalid regular expression: " + regex->error());
            }
            node.regex = std::move(regex);
        }
        return true;
    }

    static constexpr std::int64_t kMaxRegexMemory = 2 << 20;

    std::string_view m_source;
    std::vector<Token>& m_tokens;
    ParseOutput& m_out;
    std::size_t m_pos = 0;
    int m_depth = 0;
    std::size_t m_errorOffset = 0;
    std::string m_errorMessage;
};

// 1-based line and column (in code points) of a byte offset.
void position(std::string_view source, std::size_t offset, ParseErrorInfo& error)
{
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
        const char c = source[i];
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;
        }
    }
    error.line = line;
    error.column = column;
}

}  // namespace

bool parseExpressionSource(std::string_view source, ParseOutput& out, ParseErrorInfo& error)
{
    out = ParseOutput{};
    if (source.size() > kMaxSourceBytes) {
        error.line = 1;
        error.column = 1;
        error.message = "expression longer than " + std::to_string(kMaxSourceBytes) + " bytes";
        return false;
    }
    const std::size_t invalid = utf8::firstInvalid(source);
    if (invalid != std::string_view::npos) {
        position(source, invalid, error);
        error.message = "invalid UTF-8";
        return false;
    }
    std::vector<Token> tokens;
    LexError lexError;
    if (!tokenize(source, tokens, lexError)) {
        position(source, lexError.offset, error);
        error.message = std::move(lexError.message);
        return false;
    }
    Parser parser(source, tokens, out);
    if (!parser.run()) {
        position(source, parser.errorOffset(), error);
        error.message = parser.errorMessage();
        out = ParseOutput{};
        return false;
    }
    return true;
}

}  // namespace dantoc::expr
