#pragma once
// spdlog set-up from [logging]: stderr (journald-friendly, no colours), an optional rotating file,
// text or JSON lines.

#include "config/config.h"
#include "core/status.h"

namespace wirefeed {

Status setup_logging(const LoggingConfig& config);

}  // namespace wirefeed
