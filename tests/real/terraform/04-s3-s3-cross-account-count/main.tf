provider "aws" {
  alias  = "source"
  region = "us-east-1"
}

provider "aws" {
  alias  = "destination"
  region = "us-east-1"
}

resource "aws_datasync_location_s3" "from" {
  count         = var.task_create ? 1 : 0
  provider      = aws.source
  s3_bucket_arn = try(length(var.src_s3_bucket_arn), 0) > 0 ? var.src_s3_bucket_arn : aws_s3_bucket.from[0].arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = try(length(var.src_iam_role_arn), 0) > 0 ? var.src_iam_role_arn : aws_iam_role.copier[0].arn
  }
}

resource "aws_datasync_location_s3" "to" {
  count         = var.task_create ? 1 : 0
  provider      = aws.destination
  s3_bucket_arn = try(length(var.dst_s3_bucket_arn), 0) > 0 ? var.dst_s3_bucket_arn : aws_s3_bucket.to[0].arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = try(length(var.src_iam_role_arn), 0) > 0 ? var.src_iam_role_arn : aws_iam_role.copier[0].arn
  }
}

resource "aws_datasync_task" "copy" {
  count                    = var.task_create && var.is_src_account ? 1 : 0
  provider                 = aws.destination
  name                     = try(length(var.task_name), 0) > 0 ? var.task_name : "example-task"
  source_location_arn      = aws_datasync_location_s3.from[0].arn
  destination_location_arn = aws_datasync_location_s3.to[0].arn

  options {
    atime                  = "BEST_EFFORT"
    bytes_per_second       = -1
    gid                    = "NONE"
    log_level              = "OFF"
    mtime                  = "PRESERVE"
    object_tags            = "PRESERVE"
    overwrite_mode         = "ALWAYS"
    posix_permissions      = "NONE"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "NONE"
    task_queueing          = var.task_enabled
    transfer_mode          = "CHANGED"
    uid                    = "NONE"
    verify_mode            = "NONE"
  }

  schedule {
    schedule_expression = var.task_schedule
  }
}
