resource "aws_cloudwatch_log_group" "transfer" {
  name = "/aws/datasync/${var.source_bucket}"
}

resource "aws_datasync_location_s3" "origin" {
  s3_bucket_arn = data.aws_s3_bucket.origin.arn
  subdirectory  = var.source_directory

  s3_config {
    bucket_access_role_arn = aws_iam_role.reader.arn
  }

  tags = var.tags
}

resource "aws_datasync_location_s3" "target" {
  s3_bucket_arn = data.aws_s3_bucket.target.arn
  subdirectory  = var.destination_directory

  s3_config {
    bucket_access_role_arn = aws_iam_role.writer.arn
  }

  tags = var.tags
}

resource "aws_datasync_task" "bucket_copy" {
  name                     = var.source_bucket
  source_location_arn      = aws_datasync_location_s3.origin.arn
  destination_location_arn = aws_datasync_location_s3.target.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfer.arn

  options {
    atime             = "BEST_EFFORT"
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
    bytes_per_second  = -1
    log_level         = "BASIC"
  }

  tags = var.tags
}
