// SecretKey: 32 bytes of key material held in mlock'ed memory (never swapped) and wiped on destruction.
// Move-only, never printed. Not thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace dantoc::client {

class SecretKey
{
public:
    static constexpr std::size_t kSize = 32;

    SecretKey();
    ~SecretKey();
    SecretKey(SecretKey&&) noexcept = default;
    SecretKey& operator=(SecretKey&&) noexcept = default;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;

    static SecretKey random();

    std::uint8_t* data() { return m_bytes->data(); }
    const std::uint8_t* data() const { return m_bytes->data(); }
    static constexpr std::size_t size() { return kSize; }

private:
    // Heap-allocated so a move does not leave a copy of the key in the moved-from object's storage.
    std::unique_ptr<std::array<std::uint8_t, kSize>, void (*)(std::array<std::uint8_t, kSize>*)> m_bytes;
};

}  // namespace dantoc::client
