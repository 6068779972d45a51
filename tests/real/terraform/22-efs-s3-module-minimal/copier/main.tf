variable "bucket_arn" {
  type = string
}

resource "aws_datasync_task" "backup" {
  name                     = "efs-volume-to-s3"
  source_location_arn      = aws_datasync_location_efs.volume.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn
}

resource "aws_datasync_location_efs" "volume" {
  ec2_config {
    security_group_arns = ["arn:aws:ec2:eu-west-2:111122223333:security-group/sg-0123456789abcdef0"]
    subnet_arn          = "arn:aws:ec2:eu-west-2:111122223333:subnet/subnet-0123456789abcdef0"
  }
  efs_file_system_arn = "arn:aws:elasticfilesystem:eu-west-2:111122223333:file-system/fs-0123456789abcdef0"
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = var.bucket_arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}
