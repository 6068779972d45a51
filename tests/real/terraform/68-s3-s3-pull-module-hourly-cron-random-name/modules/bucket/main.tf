locals {
  tags = {
    git     = var.git
    cost    = "shared"
    creator = "terraform"
  }
}

resource "aws_s3_bucket" "this" {
  count  = var.enabled ? 1 : 0
  bucket = substr("${var.git}-${var.name}", 0, 63)
  tags   = merge(local.tags, var.tags)
}

resource "random_string" "pull" {
  count   = var.enable_datasync && var.enabled ? 1 : 0
  length  = 5
  special = false
  upper   = false
  lower   = true
}

resource "aws_iam_role" "pull" {
  count       = var.enable_datasync && var.enabled ? 1 : 0
  name_prefix = substr("${var.git}-${var.name}-datasync-", 0, 38)
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
    }]
  })
  tags = merge(local.tags, var.tags)
}

resource "aws_datasync_location_s3" "source" {
  count         = var.enable_datasync && var.enabled ? 1 : 0
  s3_bucket_arn = var.datasync_source_bucket_arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.pull[0].arn
  }
  tags = merge(local.tags, var.tags)
}

resource "aws_datasync_location_s3" "destination" {
  count         = var.enable_datasync && var.enabled ? 1 : 0
  s3_bucket_arn = aws_s3_bucket.this[0].arn
  subdirectory  = "/"
  tags          = merge(local.tags, var.tags)
  s3_config {
    bucket_access_role_arn = aws_iam_role.pull[0].arn
  }
}

resource "aws_datasync_task" "this" {
  count                    = var.enable_datasync && var.enabled ? 1 : 0
  name                     = trimsuffix(substr("${var.git}-${random_string.pull[0].result}", 0, 38), "-")
  source_location_arn      = aws_datasync_location_s3.source[0].arn
  destination_location_arn = aws_datasync_location_s3.destination[0].arn

  schedule {
    schedule_expression = var.datasync_schedule_expression
  }
  tags = merge(local.tags, var.tags)
  options {
    bytes_per_second  = -1
    posix_permissions = "NONE"
    gid               = "NONE"
    uid               = "NONE"
  }
}
