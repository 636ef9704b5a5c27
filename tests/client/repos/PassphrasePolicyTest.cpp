// A new store passphrase must resist a thief with the laptop: long enough, not a run, not the first thing tried.
#include "core/PassphrasePolicy.h"

#include <doctest/doctest.h>

using dantoc::client::checkPassphrase;
using dantoc::client::PassphraseProblem;

TEST_CASE("weak store passphrases are refused with the reason, good ones accepted")
{
    CHECK(checkPassphrase("abc") == PassphraseProblem::TooShort);
    CHECK(checkPassphrase("") == PassphraseProblem::TooShort);
    CHECK(checkPassphrase("Ñắk Lắk 1") == PassphraseProblem::TooShort);  // 9 code points, more bytes
    CHECK(checkPassphrase("aaaaaaaaaaaa") == PassphraseProblem::Repetitive);
    CHECK(checkPassphrase("abcdefghijkl") == PassphraseProblem::Repetitive);
    CHECK(checkPassphrase("9876543210") == PassphraseProblem::Repetitive);
    CHECK(checkPassphrase("abcabcabcabc") == PassphraseProblem::Repetitive);
    CHECK(checkPassphrase("Mật Khẩu 123") == PassphraseProblem::WellKnown);
    CHECK(checkPassphrase("PASSWORD123") == PassphraseProblem::WellKnown);
    CHECK(checkPassphrase("chuoibanhtet") == PassphraseProblem::TooUniform);
    CHECK(checkPassphrase("2719384756") == PassphraseProblem::TooUniform);
    CHECK(checkPassphrase("mật khẩu kho") == PassphraseProblem::WellKnown);  // folded: matkhaukho
    CHECK(checkPassphrase("kho của xã Bát Xát") == PassphraseProblem::None);
    CHECK(checkPassphrase("chuoibanhtetbanhchung") == PassphraseProblem::None);  // long: one kind is fine
    CHECK(checkPassphrase("Sa Pa mùa đông 2025") == PassphraseProblem::None);
}
