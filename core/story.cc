#include "core/story.h"

namespace wirefeed {

std::string_view to_string(CreditKind k) {
  switch (k) {
    case CreditKind::kAgency:
      return "agency";
    case CreditKind::kPerson:
      return "person";
    case CreditKind::kOutlet:
      return "outlet";
    case CreditKind::kGeneric:
      return "generic";
  }
  return "generic";
}

std::string_view to_string(CreditRole r) {
  switch (r) {
    case CreditRole::kReporting:
      return "reporting";
    case CreditRole::kAdditionalReporting:
      return "additional_reporting";
    case CreditRole::kWriting:
      return "writing";
    case CreditRole::kEditing:
      return "editing";
    case CreditRole::kCompiled:
      return "compiled";
    case CreditRole::kContributed:
      return "contributed";
    case CreditRole::kAssistance:
      return "assistance";
    case CreditRole::kSource:
      return "source";
    case CreditRole::kByline:
      return "byline";
  }
  return "source";
}

std::string_view to_string(DedupStatus s) {
  switch (s) {
    case DedupStatus::kUnique:
      return "unique";
    case DedupStatus::kDuplicate:
      return "duplicate";
    case DedupStatus::kNearDuplicate:
      return "near_duplicate";
    case DedupStatus::kUpdate:
      return "update";
  }
  return "unique";
}

}  // namespace wirefeed
