# The bucket module's own DataSync switch: the new bucket pulls a source bucket's
# objects every hour.

module "archive" {
  source                     = "./modules/bucket"
  git                        = "records-archive"
  name                       = "pull-destination"
  enable_datasync            = true
  datasync_source_bucket_arn = "arn:aws:s3:::records-source-0193"
}
