#include "daemon/settings.h"

namespace wirefeed {

PipelineOptions pipeline_options(const Config& config) {
  PipelineOptions o;
  o.limits.max_message_bytes = static_cast<size_t>(config.pipeline.max_message_bytes);
  o.dedup_enabled = config.dedup.enabled;
  o.dedup.window_ms = config.dedup.window_hours * 3600 * 1000;
  o.dedup.max_stories = static_cast<size_t>(config.dedup.max_stories);
  o.dedup.near_duplicate_threshold = config.dedup.near_duplicate_threshold;
  o.dedup.containment_threshold = config.dedup.containment_threshold;
  return o;
}

TopicConfig topic_config(const Config& config) {
  TopicConfig t;
  t.threshold = config.topics.threshold;
  t.max_topics = static_cast<size_t>(config.topics.max_topics);
  t.keep_best = config.topics.keep_best;
  return t;
}

Result<std::shared_ptr<const PipelineResources>> load_pipeline_resources(const Config& config) {
  return load_resources(config.pipeline.agencies_file, config.pipeline.topics_dir,
                        topic_config(config), config.pipeline.boilerplate_file,
                        config.topics.model);
}

}  // namespace wirefeed
