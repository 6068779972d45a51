locals {
  sync_enabled = var.datasync_s3_objects_to_efs
}

resource "aws_datasync_location_s3" "seed" {
  count = var.datasync_s3_objects_to_efs ? 1 : 0

  s3_bucket_arn = data.aws_s3_bucket.seed.0.arn
  subdirectory  = var.datasync_s3_subdirectory

  s3_config {
    bucket_access_role_arn = aws_iam_role.seed.0.arn
  }
}

resource "aws_datasync_location_efs" "zone" {
  for_each = local.sync_enabled ? { for subnet in data.aws_subnet.app : subnet.id => subnet } : {}

  efs_file_system_arn = aws_efs_file_system.app.0.arn
  subdirectory        = "/"

  ec2_config {
    subnet_arn          = each.value.arn
    security_group_arns = [aws_security_group.efs.0.arn]
  }
}

resource "aws_datasync_task" "seed" {
  for_each = local.sync_enabled ? { for subnet in data.aws_subnet.app : subnet.id => subnet } : {}

  name                     = "${var.name_prefix}-s3-to-efs-${each.value.availability_zone}"
  source_location_arn      = aws_datasync_location_s3.seed.0.arn
  destination_location_arn = aws_datasync_location_efs.zone[each.key].arn

  options {
    bytes_per_second       = var.datasync_bytes_per_second
    preserve_deleted_files = var.datasync_preserve_deleted_files
    overwrite_mode         = var.datasync_overwrite_mode
    transfer_mode          = var.datasync_transfer_mode
  }

  dynamic "includes" {
    for_each = var.datasync_s3_to_efs_pattern != null ? [1] : []
    content {
      filter_type = "SIMPLE_PATTERN"
      value       = var.datasync_s3_to_efs_pattern
    }
  }
}
