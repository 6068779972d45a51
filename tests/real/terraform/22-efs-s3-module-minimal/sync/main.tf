variable "s3_arn" {}
variable "s3_role_arn" {}
variable "subnet_arn" {}
variable "ec2_sg_arn" {}
variable "efs_mt_arn" {}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = var.s3_arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = var.s3_role_arn
  }
}

resource "aws_datasync_location_efs" "volume" {
  efs_file_system_arn = var.efs_mt_arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [var.ec2_sg_arn]
    subnet_arn          = var.subnet_arn
  }
}

resource "aws_datasync_task" "copy" {
  name                     = "efs-to-s3-task"
  source_location_arn      = aws_datasync_location_efs.volume.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn
}
