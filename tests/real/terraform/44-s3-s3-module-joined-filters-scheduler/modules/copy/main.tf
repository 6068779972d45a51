resource "aws_iam_role" "copier" {
  name = "${var.customer}-records-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_s3" "from" {
  s3_bucket_arn = var.source_bucket_arn
  subdirectory  = coalesce(var.source_folder, "/")

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_s3" "to" {
  s3_bucket_arn = var.target_bucket_arn
  subdirectory  = "/${var.target_folder}"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_cloudwatch_log_group" "copy" {
  name              = "/aws/datasync/${var.customer}-records-task"
  retention_in_days = 5
}

resource "aws_datasync_task" "copy" {
  name                     = "${var.customer}-records-copy"
  source_location_arn      = aws_datasync_location_s3.from.arn
  destination_location_arn = aws_datasync_location_s3.to.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copy.arn

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    overwrite_mode         = "NEVER"
    preserve_deleted_files = "REMOVE"
    posix_permissions      = "NONE"
    bytes_per_second       = -1
    uid                    = "NONE"
    gid                    = "NONE"
    preserve_devices       = "NONE"
    log_level              = "TRANSFER"
  }

  excludes {
    filter_type = "SIMPLE_PATTERN"
    value       = join("|", var.exclude_patterns)
  }

  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = join("|", var.include_patterns)
  }
}

# The task is started by EventBridge Scheduler, not by a task schedule.
resource "aws_iam_role" "scheduler" {
  name = "${var.customer}-records-scheduler"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_scheduler_schedule" "start_copy" {
  name       = "${var.customer}-records-start"
  group_name = "default"

  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 5
  }

  schedule_expression = "rate(${var.every_minutes} minutes)"

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:datasync:startTaskExecution"
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ TaskArn = aws_datasync_task.copy.arn })
  }
}
