#include "daemon/settings.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

// The config file's defaults must be the algorithm's tuned defaults, or running with no config
// file would silently use different thresholds from the ones docs/dedup.md measured.
TEST(SettingsTest, ConfigDefaultsEqualPipelineDefaults) {
  const PipelineOptions from_config = pipeline_options(default_config());
  const DedupConfig tuned;
  EXPECT_DOUBLE_EQ(from_config.dedup.near_duplicate_threshold, tuned.near_duplicate_threshold);
  EXPECT_DOUBLE_EQ(from_config.dedup.containment_threshold, tuned.containment_threshold);
  EXPECT_EQ(from_config.dedup.window_ms, tuned.window_ms);
  EXPECT_EQ(from_config.dedup.max_stories, tuned.max_stories);
  const TopicConfig topics;
  EXPECT_DOUBLE_EQ(topic_config(default_config()).threshold, topics.threshold);
  EXPECT_EQ(topic_config(default_config()).max_topics, topics.max_topics);
  EXPECT_EQ(topic_config(default_config()).keep_best, topics.keep_best);
}

TEST(SettingsTest, ConfigValuesReachThePipeline) {
  Config c = default_config();
  c.dedup.window_hours = 24;
  c.pipeline.max_message_bytes = 1234;
  c.dedup.enabled = false;
  const PipelineOptions o = pipeline_options(c);
  EXPECT_EQ(o.dedup.window_ms, 24LL * 3600 * 1000);
  EXPECT_EQ(o.limits.max_message_bytes, 1234u);
  EXPECT_FALSE(o.dedup_enabled);
}

}  // namespace
}  // namespace wirefeed
