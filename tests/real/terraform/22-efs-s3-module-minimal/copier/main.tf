variable "bucket_arn" {
  type = string
}

resource "aws_datasync_task" "backup" {
  name                     = "efs-volume-to-s3"
  source_location_arn      = aws_datasync_location_efs.volume.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn
}

resource "aws_datasync_location_efs" "volume" {}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = var.bucket_arn
}
