#include "base/Json.h"

#include <doctest/doctest.h>

#include <string>

using namespace dantoc;

TEST_CASE("parseJson accepts a normal document")
{
    auto doc = parseJson(R"({"a": [1, 2, {"b": "Hà Giang"}]})");
    REQUIRE(doc.isOk());
    CHECK((*doc)["a"][2]["b"] == "Hà Giang");
}

TEST_CASE("parseJson rejects duplicate keys, at any depth")
{
    auto top = parseJson(R"({"a": 1, "a": 2})");
    REQUIRE_FALSE(top.isOk());
    CHECK(top.status().code() == ErrorCode::ParseError);
    CHECK(top.status().message().find("\"a\"") != std::string::npos);

    auto nested = parseJson(R"({"x": [{"k": 1, "j": 2, "k": 3}]})");
    CHECK_FALSE(nested.isOk());

    auto sameKeyInSiblings = parseJson(R"([{"k": 1}, {"k": 2}])");
    CHECK(sameKeyInSiblings.isOk());
}

TEST_CASE("parseJson reports line and column of a syntax error")
{
    auto doc = parseJson("{\n  \"a\": 1,\n  \"b\": ]\n}");
    REQUIRE_FALSE(doc.isOk());
    CHECK(doc.status().message().rfind("line 3, column 8", 0) == 0);
}

TEST_CASE("parseJson enforces size and depth limits")
{
    JsonLimits limits;
    limits.maxBytes = 10;
    auto big = parseJson(R"({"a": "0123456789"})", limits);
    REQUIRE_FALSE(big.isOk());
    CHECK(big.status().code() == ErrorCode::ResourceExhausted);

    std::string deep(100000, '[');
    auto tooDeep = parseJson(deep);
    REQUIRE_FALSE(tooDeep.isOk());
    CHECK(tooDeep.status().code() == ErrorCode::ResourceExhausted);

    // brackets inside strings do not count
    auto inString = parseJson("\"" + std::string(1000, '[') + "\"");
    CHECK(inString.isOk());
}

TEST_CASE("parseJson rejects invalid UTF-8 and trailing garbage")
{
    CHECK_FALSE(parseJson("\"\xff\xfe\"").isOk());
    CHECK_FALSE(parseJson("{} {}").isOk());
    CHECK_FALSE(parseJson("").isOk());
}

TEST_CASE("positionOfOffset counts code points")
{
    const std::string text = "ấp\nxã";
    auto pos = positionOfOffset(text, text.find('x'));
    CHECK(pos.line == 2);
    CHECK(pos.column == 1);
    auto afterA = positionOfOffset(text, text.find('p'));
    CHECK(afterA.column == 2);
}
