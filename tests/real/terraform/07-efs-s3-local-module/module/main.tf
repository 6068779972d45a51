locals {
  tags = merge(
    var.tags,
    {
      Module = "terraform-aws-datasync-efs-s3"
    },
  )
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = aws_s3_bucket.bucket.arn
  subdirectory  = var.bucket_subdirectory

  s3_config {
    bucket_access_role_arn = aws_iam_role.bucket_reader.arn
  }

  tags = local.tags
}

resource "aws_datasync_location_efs" "volume" {
  efs_file_system_arn = aws_efs_mount_target.volume[0].file_system_arn
  subdirectory        = var.filesystem_subdirectory

  ec2_config {
    security_group_arns = [aws_security_group.mount.arn]
    subnet_arn          = var.subnet_arn
  }

  tags = local.tags
}

resource "aws_datasync_task" "fill" {
  name                     = var.name
  source_location_arn      = aws_datasync_location_s3.bucket.arn
  destination_location_arn = aws_datasync_location_efs.volume.arn

  tags = local.tags
}
