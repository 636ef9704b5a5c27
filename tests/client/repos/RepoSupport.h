// Helpers for the client repository tests: a fresh store with the cheap KDF profile and a small form in it.
#pragma once

#include "core/FormTemplateRepository.h"
#include "core/Store.h"

#include "support/TempDir.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace dantoc::test {

inline client::StoreOptions repoTestOptions()
{
    client::StoreOptions options;
    options.kdf = client::KdfParams::testing();
    return options;
}

inline std::unique_ptr<client::Store> newRepoStore(const std::filesystem::path& dir,
                                                   const std::string& passphrase = "mật khẩu thử nghiệm")
{
    auto store = client::Store::create(dir, passphrase, repoTestOptions());
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    return std::move(*store);
}

// A village form: a required name, two counts (poor <= total) and a household roster.
inline constexpr const char* kTinyForm = R"json({
  "format_version": 1, "id": "tiny_village", "version": 2,
  "title": {"vi": "Phiếu thôn rút gọn", "en": "Tiny village form"},
  "unit_level": "village", "period_type": "half_yearly",
  "sections": [{"id": "main", "title": {"vi": "Chung", "en": "General"}, "fields": [
    {"name": "village_name", "label": {"vi": "Tên thôn/bản", "en": "Village name"}, "type": "text", "required": true},
    {"name": "households_total", "label": {"vi": "Tổng số hộ", "en": "Total households"}, "type": "integer",
     "required": true, "min": 0},
    {"name": "households_poor", "label": {"vi": "Số hộ nghèo", "en": "Poor households"}, "type": "integer",
     "min": 0, "constraint": "households_poor <= households_total",
     "message": {"vi": "Số hộ nghèo không được lớn hơn tổng số hộ", "en": "Cannot exceed the total"}},
    {"name": "members", "label": {"vi": "Danh sách hộ", "en": "Households"}, "type": "roster", "fields": [
      {"name": "head_name", "label": {"vi": "Họ tên chủ hộ", "en": "Head"}, "type": "text", "required": true},
      {"name": "size", "label": {"vi": "Số nhân khẩu", "en": "Members"}, "type": "integer", "min": 1}
    ]}
  ]}]
})json";

inline void putTinyForm(client::Connection& connection)
{
    client::FormTemplateRepository forms(connection);
    Status status = forms.put({"tiny_village", 2, kTinyForm, ""});
    REQUIRE_MESSAGE(status.isOk(), status.toString());
}

}  // namespace dantoc::test
