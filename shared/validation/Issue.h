// Issue: one problem validation found in a submission, with a stable code for tools and a message in the
// requested language for people. Value type.
#pragma once

#include "base/Json.h"
#include "forms/FormModel.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::validation {

struct Issue {
    std::string field;               // "households_poor", roster columns "members.age"; "" for the whole submission
    std::optional<std::size_t> row;  // 0-based roster row, for roster columns and row problems
    std::string rowId;               // that row's "_id" (stable across sync merges)
    std::string code;                // stable snake_case: required, type, min, ... (form-format.md lists them)
    forms::Severity severity = forms::Severity::Error;
    std::string message;             // in the requested language
    std::string check;               // id of the form-level check that raised it, else empty

    friend bool operator==(const Issue&, const Issue&) = default;
};

bool hasErrors(const std::vector<Issue>& issues);
// {"field", "row" (number or null), "row_id" (only when set), "code", "severity", "message", "check" (only when
// set)}
Json issueToJson(const Issue& issue);
Json issuesToJson(const std::vector<Issue>& issues);

}  // namespace dantoc::validation
