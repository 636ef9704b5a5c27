#include "auth/PasswordHasher.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace dantoc::server {

namespace {
bool initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
}  // namespace

PasswordHasher::PasswordHasher(unsigned long long opsLimit, std::size_t memLimit)
    : m_opsLimit(std::max<unsigned long long>(opsLimit, crypto_pwhash_OPSLIMIT_MIN)),
      m_memLimit(std::max<std::size_t>(memLimit, crypto_pwhash_MEMLIMIT_MIN))
{
    initSodium();
}

Result<std::string> PasswordHasher::hash(const std::string& password) const
{
    char out[crypto_pwhash_STRBYTES];
    if (!initSodium() ||
        crypto_pwhash_str_alg(out, password.data(), password.size(), m_opsLimit, m_memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status(ErrorCode::ResourceExhausted, "password hashing failed (out of memory?)");
    }
    return std::string(out);
}

bool PasswordHasher::verify(const std::string& storedHash, const std::string& password) const
{
    if (!initSodium() || storedHash.empty() || storedHash.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

std::string PasswordHasher::generatePassword()
{
    initSodium();
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out.push_back(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]);
    }
    return out;
}

std::string PasswordHasher::policyViolation(const std::string& password)
{
    if (password.size() < 10) {
        return "Mật khẩu phải có ít nhất 10 ký tự / the password must have at least 10 characters";
    }
    if (password.size() > 128) {
        return "Mật khẩu quá dài / the password is too long (at most 128 bytes)";
    }
    const bool allDigits = std::all_of(password.begin(), password.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool allLetters = std::all_of(password.begin(), password.end(), [](unsigned char c) { return std::isalpha(c); });
    if (allDigits || allLetters) {
        return "Mật khẩu phải có cả chữ và số hoặc ký tự khác / the password must mix letters with digits or symbols";
    }
    return {};
}

}  // namespace dantoc::server
