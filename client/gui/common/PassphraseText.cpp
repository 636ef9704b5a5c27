#include "gui/common/PassphraseText.h"

namespace dantoc::gui {

QString PassphraseText::forProblem(client::PassphraseProblem problem)
{
    using client::PassphraseProblem;
    switch (problem) {
    case PassphraseProblem::None: return {};
    case PassphraseProblem::TooShort:
        return tr("Use at least %1 characters; a short sentence is easy to remember.").arg(client::kMinPassphraseLength);
    case PassphraseProblem::Repetitive: return tr("Too easy to guess: avoid repeated characters and runs like 12345.");
    case PassphraseProblem::WellKnown: return tr("This passphrase is among the first ones a thief tries.");
    case PassphraseProblem::TooUniform:
        return tr("Mix letters with digits or spaces, or use at least %1 characters.").arg(client::kUniformAllowedLength);
    }
    return {};
}

}  // namespace dantoc::gui
