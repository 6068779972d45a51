# Corpus case: the root module calls a local module with literal values; the
# module makes the NFS and S3 locations and the task. Only what the checks
# read is passed.

module "nfs_copy" {
  source = "./copier"

  bucket_arn = "arn:aws:s3:::corpus-archive"
  task_name  = "nfs-export-to-s3"
}
