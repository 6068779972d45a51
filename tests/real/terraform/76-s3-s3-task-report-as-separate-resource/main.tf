locals {
  tag_set = {
    Project = "example-transfer"
    Stage   = var.stage
  }
}

resource "aws_s3_bucket" "origin" {
  bucket = "example-transfer-origin-${var.suffix}"
}

resource "aws_s3_bucket" "replica" {
  bucket = "example-transfer-replica-${var.suffix}"
}

resource "aws_iam_role" "transfer" {
  name = "example-transfer-${var.suffix}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudwatch_log_group" "transfer" {
  name              = "/aws/datasync/example-transfer-${var.suffix}"
  retention_in_days = 14
}

resource "aws_datasync_location_s3" "origin" {
  s3_bucket_arn = aws_s3_bucket.origin.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.transfer.arn
  }

  tags = local.tag_set
}

resource "aws_datasync_location_s3" "replica" {
  s3_bucket_arn = aws_s3_bucket.replica.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.transfer.arn
  }

  tags = local.tag_set
}

resource "aws_datasync_task" "copy" {
  name                     = "${var.task_name}-${var.suffix}"
  source_location_arn      = aws_datasync_location_s3.origin.arn
  destination_location_arn = aws_datasync_location_s3.replica.arn

  options {
    bytes_per_second       = var.bandwidth
    log_level              = var.log_level
    overwrite_mode         = var.overwrite_mode
    posix_permissions      = "NONE"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "NONE"
    task_queueing          = "ENABLED"
    transfer_mode          = var.transfer_mode
    uid                    = "NONE"
    gid                    = "NONE"
    verify_mode            = var.verify_mode
  }

  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfer.arn

  tags = local.tag_set
}

# The report as a resource of its own: the AWS provider has no such resource type.
resource "aws_datasync_task_report" "copy" {
  count    = var.report ? 1 : 0
  task_arn = aws_datasync_task.copy.arn

  s3_destination {
    bucket_arn   = aws_s3_bucket.replica.arn
    subdirectory = "transfer-reports"

    s3_config {
      bucket_access_role_arn = aws_iam_role.transfer.arn
    }
  }

  report_level = var.report_level
}
