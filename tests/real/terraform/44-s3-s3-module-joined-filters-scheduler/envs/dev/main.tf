# The module's own sample call.
module "records_copy" {
  source = "../../modules/copy"

  customer           = "sample"
  source_bucket_arn  = "arn:aws:s3:::example-records-source"
  source_folder      = "/source"
  target_bucket_arn  = "arn:aws:s3:::example-records-target"
  target_folder      = "/destination"
  include_patterns   = ["/REAL*", ]
  exclude_patterns   = ["/TEST*"]
  every_minutes      = "30"
}
