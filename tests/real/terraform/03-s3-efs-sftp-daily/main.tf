locals {
  prefix = "${var.project}-${var.environment}-sftp-${var.user_id}"
}

resource "aws_datasync_location_s3" "uploads" {
  s3_bucket_arn = aws_s3_bucket.uploads.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.s3_reader.arn
  }
}

resource "aws_datasync_location_efs" "home" {
  access_point_arn            = aws_efs_access_point.home.arn
  efs_file_system_arn         = module.user_efs.file_system_arn
  file_system_access_role_arn = aws_iam_role.efs_writer.arn
  in_transit_encryption       = "TLS1_2"
  subdirectory                = "/"

  ec2_config {
    security_group_arns = [data.aws_security_group.mount.arn]
    subnet_arn          = data.aws_subnet.private.arn
  }
}

resource "aws_datasync_task" "daily" {
  name                     = "${local.prefix}-datasync-sftp-to-efs"
  source_location_arn      = aws_datasync_location_s3.uploads.arn
  destination_location_arn = aws_datasync_location_efs.home.arn

  schedule {
    schedule_expression = "cron(0 13 ? * * *)"
  }

  options {
    uid               = "NONE"
    gid               = "NONE"
    posix_permissions = "NONE"
  }

  tags = {
    Project     = var.project
    Environment = var.environment
    UserId      = var.user_id
  }
}
