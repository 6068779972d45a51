locals {
  prefix = "${var.project}-${var.environment}-${var.name_suffix}"
}

resource "aws_datasync_location_efs" "shared" {
  access_point_arn            = aws_efs_access_point.reader.arn
  efs_file_system_arn         = var.file_system_arn
  file_system_access_role_arn = aws_iam_role.efs_reader.arn
  in_transit_encryption       = "TLS1_2"
  subdirectory                = "/"

  ec2_config {
    security_group_arns = [data.aws_security_group.mount.arn]
    subnet_arn          = data.aws_subnet.private.arn
  }
}

resource "aws_datasync_location_s3" "copy" {
  s3_bucket_arn = aws_s3_bucket.copy.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.s3_writer.arn
  }
}

resource "aws_datasync_task" "hourly" {
  name                     = "${local.prefix}-datasync-efs-to-s3"
  source_location_arn      = aws_datasync_location_efs.shared.arn
  destination_location_arn = aws_datasync_location_s3.copy.arn

  schedule {
    schedule_expression = "cron(0 * * * ? *)"
  }

  tags = {
    Project     = var.project
    Environment = var.environment
  }
}
