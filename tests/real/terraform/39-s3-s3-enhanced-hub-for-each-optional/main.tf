# One Enhanced-mode task per receiving account, all reading one shared bucket.

resource "aws_iam_role" "hub" {
  name = "${var.prefix}-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_s3" "shared" {
  s3_bucket_arn = var.shared_bucket_arn
  subdirectory  = var.shared_prefix

  s3_config {
    bucket_access_role_arn = aws_iam_role.hub.arn
  }
}

resource "aws_datasync_location_s3" "receiver" {
  for_each = var.receivers

  s3_bucket_arn    = each.value.bucket_arn
  subdirectory     = each.value.prefix
  s3_storage_class = each.value.storage_class

  s3_config {
    bucket_access_role_arn = aws_iam_role.hub.arn
  }
}

resource "aws_datasync_task" "fan_out" {
  for_each = var.receivers

  name                     = "${var.prefix}-to-${each.key}"
  source_location_arn      = aws_datasync_location_s3.shared.arn
  destination_location_arn = aws_datasync_location_s3.receiver[each.key].arn
  task_mode                = "ENHANCED"

  options {
    verify_mode       = "ONLY_FILES_TRANSFERRED"
    overwrite_mode    = "ALWAYS"
    transfer_mode     = "CHANGED"
    bytes_per_second  = each.value.bytes_per_second
    uid               = "NONE"
    gid               = "NONE"
    posix_permissions = "NONE"
    object_tags       = "PRESERVE"
  }

  schedule {
    schedule_expression = each.value.cron
  }

  dynamic "includes" {
    for_each = each.value.only != null ? [each.value.only] : []
    content {
      filter_type = "SIMPLE_PATTERN"
      value       = includes.value
    }
  }

  dynamic "excludes" {
    for_each = each.value.skip != null ? [each.value.skip] : []
    content {
      filter_type = "SIMPLE_PATTERN"
      value       = excludes.value
    }
  }

  tags = {
    Receiver = each.key
    Account  = each.value.account_id
  }
}
