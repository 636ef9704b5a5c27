// Random (version 4) UUIDs for record and operation ids, from an injected random source so the sync
// harness can replay. Functions are thread-safe when the RandomSource is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dantoc {

class RandomSource
{
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::uint8_t* out, std::size_t size) = 0;
};

// The operating system's CSPRNG (std::random_device, which reads getrandom/urandom on Linux).
class SystemRandom final : public RandomSource
{
public:
    void fill(std::uint8_t* out, std::size_t size) override;
    static SystemRandom& instance();
};

// Lower-case canonical form: xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx.
std::string newUuid(RandomSource& random = SystemRandom::instance());
bool isUuid(std::string_view text);

}  // namespace dantoc
