provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      Component   = var.component
      Environment = var.account_label
      Owner       = var.owner
    }
  }
}

data "aws_s3_bucket" "vendor_feed" {
  bucket = "vendor-feed-${var.environment}"
}

# a bucket from a private registry module
module "feed_backup_bucket" {
  source  = "app.terraform.io/example-org/s3-bucket-module/aws"
  version = "~> 3.2"

  bucket_prefix = "vendor-feed-backup"
}

resource "aws_cloudwatch_log_group" "migration" {
  name = "/aws/datasync-${var.environment}-logs"
}

resource "aws_datasync_location_s3" "feed_source" {
  s3_bucket_arn = data.aws_s3_bucket.vendor_feed.arn
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = aws_iam_role.migration.arn
  }
}

resource "aws_datasync_location_s3" "feed_backup" {
  s3_bucket_arn = module.feed_backup_bucket.this.arn
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = aws_iam_role.migration.arn
  }
  depends_on = [module.feed_backup_bucket]
}

resource "aws_datasync_task" "feed_migration" {
  name                     = "vendor-feed-data-sync-${var.environment}-task"
  destination_location_arn = aws_datasync_location_s3.feed_backup.arn
  source_location_arn      = aws_datasync_location_s3.feed_source.arn

  options {
    bytes_per_second  = -1
    log_level         = "OFF"
    transfer_mode     = "ALL"
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
    verify_mode       = "ONLY_FILES_TRANSFERRED"
  }
}

resource "aws_datasync_task" "feed_migration_logged" {
  name                     = "vendor-feed-data-sync-${var.environment}-task-logged"
  destination_location_arn = aws_datasync_location_s3.feed_backup.arn
  source_location_arn      = aws_datasync_location_s3.feed_source.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.migration.arn

  options {
    bytes_per_second  = -1
    log_level         = "TRANSFER"
    transfer_mode     = "ALL"
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
    verify_mode       = "ONLY_FILES_TRANSFERRED"
  }
}
