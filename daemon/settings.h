#pragma once
// From the config file's sections to the pipeline's own option structs.

#include <memory>

#include "config/config.h"
#include "pipeline/enricher.h"

namespace wirefeed {

PipelineOptions pipeline_options(const Config& config);
TopicConfig topic_config(const Config& config);
Result<std::shared_ptr<const PipelineResources>> load_pipeline_resources(const Config& config);

}  // namespace wirefeed
