#include "base/Uuid.h"

#include <doctest/doctest.h>

#include <set>

using namespace dantoc;

TEST_CASE("newUuid makes distinct, well-formed version-4 UUIDs")
{
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = newUuid();
        CHECK(isUuid(id));
        CHECK(id[14] == '4');
        CHECK(seen.insert(id).second);
    }
}

TEST_CASE("isUuid rejects malformed text")
{
    CHECK_FALSE(isUuid(""));
    CHECK_FALSE(isUuid("not-a-uuid"));
    CHECK_FALSE(isUuid("123e4567-e89b-12d3-a456-42661417400g"));
    CHECK_FALSE(isUuid("123e4567ae89b-12d3-a456-426614174000"));
    CHECK(isUuid("123e4567-e89b-12d3-a456-426614174000"));
}
