#include "base/Csv.h"

#include <doctest/doctest.h>

using dantoc::CsvLimits;
using dantoc::CsvTable;
using dantoc::ErrorCode;
using dantoc::parseCsvRows;

TEST_CASE("csv: quoted fields with commas, newlines and doubled quotes; CRLF; line numbers")
{
    const std::string text = "\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\r\n3,,z";
    auto rows = parseCsvRows(text, "t.csv");
    REQUIRE(rows.isOk());
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0].fields == std::vector<std::string>{"a", "b", "c"});  // BOM stripped
    CHECK((*rows)[1].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK((*rows)[2].fields == std::vector<std::string>{"2", "two\nlines", ""});
    CHECK((*rows)[2].line == 3);
    CHECK((*rows)[3].line == 6);  // after the embedded newline and an empty line
    CHECK((*rows)[3].fields == std::vector<std::string>{"3", "", "z"});
}

TEST_CASE("csv: table access by header")
{
    auto table = CsvTable::parse("code,name_vi\n01,Kinh\n02,Tày\n", "e.csv");
    REQUIRE(table.isOk());
    REQUIRE(table->rows().size() == 2);
    CHECK(table->get(table->rows()[1], "name_vi") == "Tày");
    CHECK(table->get(table->rows()[1], "nope").empty());
    CHECK(table->where(table->rows()[1]) == "e.csv:3");
    CHECK(table->requireColumns({"code", "name_vi"}).isOk());
    const auto missing = table->requireColumns({"code", "level"});
    CHECK(missing.code() == ErrorCode::InvalidArgument);
    CHECK(missing.message().find("level") != std::string::npos);
}

TEST_CASE("csv: errors name the line")
{
    auto unterminated = parseCsvRows("a,b\n1,\"open\n2,3\n", "u.csv");
    REQUIRE_FALSE(unterminated.isOk());
    CHECK(unterminated.status().code() == ErrorCode::ParseError);
    CHECK(unterminated.status().message().find("u.csv:2") != std::string::npos);

    auto stray = parseCsvRows("a,b\n1,x\"y\n", "s.csv");
    REQUIRE_FALSE(stray.isOk());
    CHECK(stray.status().message().find("s.csv:2") != std::string::npos);

    auto after = parseCsvRows("a,b\n\"1\"x,2\n", "q.csv");
    REQUIRE_FALSE(after.isOk());
    CHECK(after.status().message().find("q.csv:2") != std::string::npos);

    auto width = CsvTable::parse("a,b\n1,2\n1,2,3\n", "w.csv");
    REQUIRE_FALSE(width.isOk());
    CHECK(width.status().message().find("w.csv:3") != std::string::npos);

    auto dupHeader = CsvTable::parse("a,a\n1,2\n", "d.csv");
    CHECK_FALSE(dupHeader.isOk());
    CHECK_FALSE(CsvTable::parse("", "empty.csv").isOk());
}

TEST_CASE("csv: limits")
{
    CsvLimits limits;
    limits.maxBytes = 10;
    CHECK(parseCsvRows("a,b,c,d,e,f,g", "big.csv", limits).status().code() == ErrorCode::ResourceExhausted);
    limits = {};
    limits.maxFields = 2;
    CHECK(parseCsvRows("a,b,c", "f.csv", limits).status().code() == ErrorCode::ResourceExhausted);
    limits = {};
    limits.maxRows = 2;
    CHECK(parseCsvRows("a\nb\nc\n", "r.csv", limits).status().code() == ErrorCode::ResourceExhausted);
    CHECK(parseCsvRows("a\nb\n", "r.csv", limits).isOk());
    limits = {};
    limits.maxFieldBytes = 3;
    CHECK(parseCsvRows("\"abcd\"", "l.csv", limits).status().code() == ErrorCode::ResourceExhausted);
    CHECK(parseCsvRows("abcd", "l.csv", limits).status().code() == ErrorCode::ResourceExhausted);
}
